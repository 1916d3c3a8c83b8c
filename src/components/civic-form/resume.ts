import type { FieldValue } from '../../core/forms/schema.js';
import type { Entries, Values } from './engine.js';

/**
 * "Save and return" without an account or a server-side draft: the answers travel in the link
 * itself, in the URL fragment (`#civic-form=<slug>.<data>`), which browsers never send to a
 * server, so neither the city's web server logs nor a referrer ever carry them. `<data>` is the
 * JSON of the answers, deflated and base64url-encoded. Files are left out (a link cannot hold
 * them): the resident adds them again.
 */

/** After the `#`; `RESUME_PARAM` in engine.ts, which the first page checks for (this file loads later). */
const PARAM = 'civic-form=';

export interface ResumeState {
  step: string;
  values: Values;
  entries: Entries;
  version?: number;
}

const withoutFiles = (bag: Values): Values =>
  Object.fromEntries(Object.entries(bag).filter(([, v]) => !(Array.isArray(v) && v.some((x: unknown) => typeof x !== 'string')))) as Values;

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** The link to come back with: `base` (the page's address) with the answers in its fragment. */
export async function resumeLink(base: string, slug: string, state: ResumeState): Promise<string> {
  const json = JSON.stringify({
    s: state.step,
    v: withoutFiles(state.values),
    e: Object.fromEntries(Object.entries(state.entries).map(([page, list]) => [page, list.map(withoutFiles)])),
    ...(state.version !== undefined ? { n: state.version } : {}),
  });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return `${base.replace(/#.*$/, '')}#${PARAM}${encodeURIComponent(slug)}.${toBase64Url(packed)}`;
}

/**
 * The saved answers in `hash` for form `slug`: `undefined` when the fragment is not a link of
 * this form, `null` when it is one but cannot be read (cut short when copied, say).
 */
export async function readResumeLink(hash: string, slug: string): Promise<ResumeState | null | undefined> {
  const prefix = `#${PARAM}${encodeURIComponent(slug)}.`;
  if (!hash.startsWith(prefix)) return undefined;
  try {
    const json = new TextDecoder().decode(await pipe(fromBase64Url(hash.slice(prefix.length)), new DecompressionStream('deflate-raw')));
    const raw = JSON.parse(json) as { s?: unknown; v?: unknown; e?: unknown; n?: unknown };
    if (typeof raw.s !== 'string' || !raw.v || typeof raw.v !== 'object') return null;
    return {
      step: raw.s,
      values: raw.v as Record<string, FieldValue>,
      entries: raw.e && typeof raw.e === 'object' ? (raw.e as Entries) : {},
      ...(typeof raw.n === 'number' ? { version: raw.n } : {}),
    };
  } catch {
    return null;
  }
}
