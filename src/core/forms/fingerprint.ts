const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * What identifies one submission for its `Idempotency-Key`: everything sent but the key. Two
 * submissions have the same fingerprint only when a server would receive the same thing (files
 * by their bytes), so a resend of an unchanged form keeps its key and a changed one gets a new
 * key: a server honouring the key would otherwise answer the first submission and drop the change.
 *
 * A SHA-256 digest where the browser offers one (secure contexts); else the text itself, with
 * files by size, type and date (`crypto.subtle` is missing only on plain-http pages). Never rejects.
 */
export async function submissionFingerprint(fields: unknown, files: readonly Blob[] = []): Promise<string> {
  const text = JSON.stringify(fields);
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    try {
      const parts: BlobPart[] = [text];
      for (const file of files) parts.push('\u0000', file);
      return hex(await subtle.digest('SHA-256', await new Blob(parts).arrayBuffer()));
    } catch {
      // A file that can no longer be read (moved away) still has a size and a type.
    }
  }
  return text + files.map((f) => `|${f.size}|${f.type}|${f instanceof File ? f.lastModified : ''}`).join('');
}
