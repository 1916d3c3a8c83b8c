import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Answers, FileAnswer, FormDefinition, PageAnswers } from '../../src/forms/definition.js';
import type { AnswerError } from '../../src/forms/validate-answers.js';
import { sniffImageType } from '../media.js';
import { sniffDocumentType } from '../records/submit.js';
import type { StoredFile } from './store.js';

/** A refusal in the contract's format: `{ errors: [...] }` with a 4xx. */
export class FormsError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ReadonlyArray<Record<string, unknown>>,
  ) {
    super(`forms ${status}`);
  }
  static of(status: number, code: string, message: string): FormsError {
    return new FormsError(status, [{ question: null, code, message }]);
  }
}

export interface Submission {
  version?: number;
  language?: string;
  answers: Answers;
  files: StoredFile[];
}

/** A file part's name: a question id, or `page.index.question` on a repeatable page. */
const FILE_PATH = /^([a-z][a-z0-9_-]{0,63})(?:\.(\d{1,3})\.([a-z][a-z0-9_-]{0,63}))?$/;

/** Files at most per submission, whatever the definition says (10 per question, a few questions). */
const MAX_PARTS = 50;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The type a file really is, from its bytes (records' sniffer, plus HEIC photos from phones);
 * `application/octet-stream` when it is none of the types a form can accept.
 */
export function sniffFileType(bytes: Uint8Array, declared: string): string {
  if (sniffImageType(bytes) === 'image/heic') return 'image/heic';
  const type = sniffDocumentType(bytes, declared);
  return type ? type.split(';')[0]! : 'application/octet-stream';
}

function parseEnvelope(raw: unknown, bodyMessage: string): Omit<Submission, 'files'> {
  if (!isRecord(raw) || !isRecord(raw.answers)) throw FormsError.of(400, 'body', bodyMessage);
  const version = raw.version;
  if (version !== undefined && !(Number.isInteger(version) && (version as number) >= 1)) throw FormsError.of(400, 'body', bodyMessage);
  return {
    answers: raw.answers as Answers,
    ...(version === undefined ? {} : { version: version as number }),
    ...(typeof raw.language === 'string' ? { language: raw.language } : {}),
  };
}

/** A JSON body, or a multipart body with a `submission` part and one part per file. */
export async function readSubmission(c: Context, bodyMessage: string): Promise<Submission> {
  const type = c.req.header('Content-Type') ?? '';
  if (type.includes('application/json')) {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw FormsError.of(400, 'body', bodyMessage);
    }
    return { ...parseEnvelope(raw, bodyMessage), files: [] };
  }
  if (type.includes('multipart/form-data')) {
    let form: Record<string, string | File | Array<string | File>>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch {
      throw FormsError.of(400, 'body', bodyMessage);
    }
    const envelope = form.submission;
    if (typeof envelope !== 'string') throw FormsError.of(400, 'body', bodyMessage);
    let raw: unknown;
    try {
      raw = JSON.parse(envelope);
    } catch {
      throw FormsError.of(400, 'body', bodyMessage);
    }
    const files: StoredFile[] = [];
    for (const [path, value] of Object.entries(form)) {
      if (path === 'submission') continue;
      for (const one of [value].flat()) {
        if (typeof one === 'string') throw FormsError.of(400, 'body', bodyMessage);
        if (files.length >= MAX_PARTS) throw FormsError.of(413, 'body', bodyMessage);
        const bytes = new Uint8Array(await one.arrayBuffer());
        const name = one.name.replace(/[\u0000-\u001f"\\/]/g, '_').slice(0, 200) || 'file';
        files.push({ path, name, contentType: sniffFileType(bytes, one.type), bytes });
      }
    }
    return { ...parseEnvelope(raw, bodyMessage), files };
  }
  throw FormsError.of(400, 'body', bodyMessage);
}

/**
 * The answers with each uploaded file in its place (`plans` or `children.0.photo`), as the
 * validators see files: name, sniffed type, size. A file answer in the JSON itself (no bytes
 * behind it) is refused, so no one can claim an upload they did not send.
 */
export function placeFiles(def: FormDefinition, answers: Answers, files: StoredFile[]): { answers: Answers; errors: AnswerError[] } {
  const fileQuestions = new Map<string, string>();
  for (const page of def.pages) for (const q of page.questions) if (q.type === 'file') fileQuestions.set(q.id, page.id);
  const errors: AnswerError[] = [];
  const out: Answers = structuredClone(answers);
  const claimed = (value: unknown) => value !== undefined && !(Array.isArray(value) && value.length === 0);
  for (const [key, value] of Object.entries(out)) {
    if (fileQuestions.has(key) && claimed(value)) errors.push({ question: key, page: fileQuestions.get(key)!, code: 'type' });
    if (Array.isArray(value))
      value.forEach((entry, index) => {
        if (isRecord(entry))
          for (const [q, v] of Object.entries(entry)) if (fileQuestions.has(q) && claimed(v)) errors.push({ question: q, page: key, index, code: 'type' });
      });
  }
  for (const file of files) {
    const meta: FileAnswer = { name: file.name, type: file.contentType, size: file.bytes.byteLength };
    const path = FILE_PATH.exec(file.path);
    if (!path) {
      errors.push({ question: file.path.slice(0, 100), page: def.start_page, code: 'unknown' });
      continue;
    }
    const [, pageId, indexText, q] = path;
    if (indexText !== undefined) {
      const index = Number(indexText);
      const list = Array.isArray(out[pageId!]) ? (out[pageId!] as PageAnswers[]) : [];
      out[pageId!] = list;
      // An entry is answered in order: a file may start the next one, never leave a gap.
      if (index > list.length) {
        errors.push({ question: q!, page: pageId!, index, code: 'unknown' });
        continue;
      }
      list[index] ??= {};
      const entry = list[index]!;
      entry[q!] = [...((Array.isArray(entry[q!]) ? entry[q!] : []) as FileAnswer[]), meta];
    } else {
      out[pageId!] = [...((Array.isArray(out[pageId!]) ? out[pageId!] : []) as FileAnswer[]), meta];
    }
  }
  return { answers: out, errors };
}

export function bodyHash(submission: Submission): string {
  const h = createHash('sha256');
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : isRecord(v) ? Object.keys(v).sort().map((k) => [k, canonical(v[k])]) : v;
  h.update(JSON.stringify(canonical({ version: submission.version, language: submission.language, answers: submission.answers })));
  for (const f of submission.files) h.update(f.path).update(f.name).update(f.contentType).update(f.bytes);
  return h.digest('hex');
}
