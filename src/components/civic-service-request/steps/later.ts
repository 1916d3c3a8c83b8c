/**
 * Every step after the first, as one lazily imported chunk: the category step renders without
 * them, and the element fetches this module right after its first render, while the resident
 * chooses a category.
 */
export { renderQuestions } from './questions.js';
export { renderLocation } from './location.js';
export { renderNearby } from './nearby.js';
export { renderDetails } from './details.js';
export { renderContact } from './contact.js';
export { renderReview } from './review.js';
export { renderDone } from './done.js';
