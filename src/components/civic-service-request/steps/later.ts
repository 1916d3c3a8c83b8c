/**
 * Every step after the first, as one lazily imported chunk: the category step renders without
 * them, and the element fetches this module right after its first render, while the resident
 * chooses a category. What only those steps use (answer checks, photo shrinking, the nearby
 * search's geometry, the submission's fingerprint) comes with them.
 */
export { renderQuestions } from './questions.js';
export { renderLocation } from './location.js';
export { renderNearby } from './nearby.js';
export { renderDetails } from './details.js';
export { renderContact } from './contact.js';
export { renderReview } from './review.js';
export { renderDone } from './done.js';
export { answerText, submittedAnswers, validateAnswers } from '../answers.js';
export { serverErrors, validateContact, validateDetails, validateLocation, photoProblem } from '../validate.js';
export { shrinkPhoto } from '../photo.js';
export { reportFingerprint } from '../fingerprint.js';
export { metresBetween, nearbyBox } from '../geo.js';
