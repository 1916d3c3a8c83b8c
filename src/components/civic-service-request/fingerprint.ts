import type { SubmitInput } from '../../api/types.js';

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * What identifies one report for its `Idempotency-Key`: everything sent but the key. Two
 * reports have the same fingerprint only when a server would receive the same thing (the photo
 * by its bytes), so a resend of an unchanged report keeps its key and a changed one gets a new key:
 * a server honouring the key would otherwise answer the first report and drop the change.
 *
 * A SHA-256 digest where the browser offers one (secure contexts); else the text itself, with the
 * photo by size, type and date (`crypto.subtle` is missing only on plain-http pages). Never rejects.
 */
export async function reportFingerprint(input: SubmitInput): Promise<string> {
  const { idempotencyKey: _key, media, ...fields } = input;
  const text = JSON.stringify(fields);
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    try {
      const parts: BlobPart[] = media ? [text, '\u0000', media] : [text];
      return hex(await subtle.digest('SHA-256', await new Blob(parts).arrayBuffer()));
    } catch {
      // A photo that can no longer be read (its file moved away) still has a size and a type.
    }
  }
  const photo = media ? `|${media.size}|${media.type}|${media instanceof File ? media.lastModified : ''}` : '';
  return `${text}${photo}`;
}
