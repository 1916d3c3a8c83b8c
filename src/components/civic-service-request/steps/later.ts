/**
 * Every step after the first, as one lazily imported chunk: the category step renders without
 * them, and the element fetches this module right after its first render, while the resident
 * chooses a category. Their orchestration (`LaterSteps`: navigation from step 2 on, sending,
 * the confirmation) and what only they use (answer checks, photo shrinking, the nearby search's
 * geometry, the submission's fingerprint, their words) come with them.
 */
export { LaterSteps, type RequestHost } from '../later-steps.js';
