import type { SubmitInput } from '../../api/types.js';
import { submissionFingerprint } from '../../core/forms/fingerprint.js';

/** A report's fingerprint for its `Idempotency-Key`: every field but the key, the photo by its bytes. */
export function reportFingerprint(input: SubmitInput): Promise<string> {
  const { idempotencyKey: _key, media, ...fields } = input;
  return submissionFingerprint(fields, media ? [media] : []);
}
