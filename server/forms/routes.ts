import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Config } from '../config.js';
import type { Database } from '../db.js';
import { negotiateLanguage, type Language } from '../records/messages.js';
import { sameToken } from '../records/store.js';
import type { FormDefinition, Question } from '../../src/forms/definition.js';
import { answerMessage, localText } from '../../src/forms/answer-messages.js';
import { questionIndex } from '../../src/forms/route.js';
import { validateAnswers, type AnswerError } from '../../src/forms/validate-answers.js';
import { validateDefinition } from '../../src/forms/validate-definition.js';
import { submissionsCsv } from './csv.js';
import { STATUSES, STATUS_LABELS, formsMessage, type SubmissionStatus } from './messages.js';
import { FormsStore, type SubmissionRow } from './store.js';
import { FormsError, bodyHash, placeFiles, readSubmission } from './submit.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const REFERENCE = /^[A-Z]{2,5}-\d{4}-\d{6,9}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_LIST = 1000;

const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;

function json(status: number, body: unknown, language: Language, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Language': language, Vary: 'Accept-Language', 'Cache-Control': 'no-store', ...headers },
  });
}

/** A public read: revalidated every time, 304 when the client holds this exact body. */
function conditional(c: Context, body: unknown, language: Language): Response {
  const text = JSON.stringify(body);
  const etag = etagOf(text);
  const headers = { ETag: etag, 'Cache-Control': 'no-cache', 'Content-Type': 'application/json; charset=utf-8', 'Content-Language': language, Vary: 'Accept-Language' };
  const match = c.req.header('If-None-Match');
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers });
}

/** `BPP` from the definition, else the initials of the slug (`contact-the-mayor` → `CTM`). */
export function referencePrefix(def: FormDefinition): string {
  if (def.reference_prefix) return def.reference_prefix;
  const words = def.slug.split('-').filter((w) => /^[a-z]/.test(w));
  const initials = words.length >= 2 ? words.map((w) => w[0]).join('') : (words[0] ?? 'form').slice(0, 3);
  return initials.slice(0, 5).toUpperCase().padEnd(2, 'X');
}

function dateIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export interface FormsOptions {
  db: Database;
  config: Config;
}

/** `/forms/v1`: the city's forms as data, their submissions and the staff side (server/README.md, "City forms"). */
export function formsRoutes({ db, config }: FormsOptions): Hono {
  const app = new Hono();
  const store = new FormsStore(db);
  const lang = (c: Context) => negotiateLanguage(c.req.header('Accept-Language'));
  const base = (c: Context) => `${config.publicUrl ?? new URL(c.req.url).origin}/forms/v1`;

  const requireStaff = (c: Context) => {
    const language = lang(c);
    if (!config.staffToken) throw FormsError.of(403, 'authorization', formsMessage(language, 'staffDisabled'));
    const m = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '');
    if (!m || !sameToken(m[1]!.trim(), config.staffToken)) throw FormsError.of(401, 'authorization', formsMessage(language, 'staffOnly'));
  };
  const definitionOf = async (c: Context, slug: string, version?: number): Promise<FormDefinition> => {
    const def = SLUG.test(slug) ? await store.definition(slug, version) : undefined;
    if (!def) throw FormsError.of(404, 'not_found', formsMessage(lang(c), version === undefined ? 'notFound' : 'version'));
    return def;
  };
  const submissionOf = async (c: Context, reference: string): Promise<SubmissionRow> => {
    const row = REFERENCE.test(reference) ? await store.byReference(reference) : undefined;
    if (!row) throw FormsError.of(404, 'not_found', formsMessage(lang(c), 'submissionNotFound'));
    return row;
  };

  app.get('/forms.json', async (c) => {
    const language = lang(c);
    const forms = (await store.catalog()).map((d) => ({
      slug: d.slug,
      title: localText(d.name, language),
      summary: d.summary ? localText(d.summary, language) : null,
      category: d.category,
      category_name: d.category_name ? localText(d.category_name, language) : d.category,
      department: d.department ? localText(d.department, language) : null,
      keywords: d.keywords ? localText(d.keywords, language) : '',
      languages: d.languages,
      version: d.version,
      url: `${base(c)}/forms/${d.slug}.json`,
    }));
    forms.sort((a, b) => a.category_name.localeCompare(b.category_name, language) || a.title.localeCompare(b.title, language));
    return conditional(c, { forms }, language);
  });

  app.get('/forms/:file{[a-z0-9-]+\\.json}', async (c) => {
    const version = c.req.query('version');
    if (version !== undefined && !/^\d{1,9}$/.test(version)) throw FormsError.of(404, 'not_found', formsMessage(lang(c), 'version'));
    const def = await definitionOf(c, c.req.param('file').replace(/\.json$/, ''), version === undefined ? undefined : Number(version));
    return conditional(c, def, lang(c));
  });

  app.post('/forms/:slug/submissions.json', async (c) => {
    const language = lang(c);
    const current = await definitionOf(c, c.req.param('slug'));
    const submission = await readSubmission(c, formsMessage(language, 'body'));
    const def = submission.version === undefined || submission.version === current.version ? current : await definitionOf(c, current.slug, submission.version);
    const answerLanguage = submission.language && def.languages.includes(submission.language) ? submission.language : language;
    const placed = placeFiles(def, submission.answers, submission.files);
    const errors: AnswerError[] = [...placed.errors, ...validateAnswers(def, placed.answers, { today: dateIn(config.timeZone, new Date()) })];
    if (errors.length > 0) {
      const index = questionIndex(def);
      const described = errors.map((e) => {
        const question: Question | undefined = e.question ? index.get(e.question)?.question : undefined;
        return { ...e, message: answerMessage(e, question, language) };
      });
      return json(400, { errors: described }, language);
    }
    const key = c.req.header('Idempotency-Key')?.trim() || null;
    if (key && key.length > 200) throw FormsError.of(400, 'body', formsMessage(language, 'body'));
    const hash = key ? bodyHash(submission) : null;
    const replay = async (): Promise<SubmissionRow | undefined> => {
      const earlier = key ? await store.byIdempotencyKey(key) : undefined;
      if (earlier && earlier.body_hash !== hash) throw FormsError.of(422, 'idempotency', formsMessage(language, 'idempotency'));
      return earlier;
    };
    let row = await replay();
    if (!row) {
      const at = new Date();
      try {
        row = await store.create({
          slug: def.slug,
          version: def.version,
          prefix: referencePrefix(def),
          year: dateIn(config.timeZone, at).slice(0, 4),
          language: answerLanguage,
          answers: placed.answers,
          files: submission.files,
          at,
          idempotencyKey: key,
          bodyHash: hash,
        });
      } catch (err) {
        // Two sends with one key at once: the second loses the unique index and answers as the first.
        row = await replay();
        if (!row) throw err;
      }
    }
    return json(201, { reference: row.reference, status: row.status, version: row.version, submitted_at: new Date(row.submitted_at).toISOString() }, language);
  });

  const trackerView = async (row: SubmissionRow, language: Language) => {
    const def = await store.definition(row.slug, row.version);
    return {
      reference: row.reference,
      status: row.status,
      status_label: STATUS_LABELS[row.status as SubmissionStatus]?.[language] ?? row.status,
      form: { slug: row.slug, title: def ? localText(def.name, language) : row.slug },
      version: row.version,
      submitted_at: new Date(row.submitted_at).toISOString(),
      updated_at: new Date(row.updated_at).toISOString(),
    };
  };

  app.get('/submissions/:file{[A-Z0-9-]+\\.json}', async (c) => {
    const language = lang(c);
    const row = await submissionOf(c, c.req.param('file').replace(/\.json$/, ''));
    return json(200, await trackerView(row, language), language);
  });

  // --- staff ---

  app.put('/forms/:file{[a-z0-9-]+\\.json}', async (c) => {
    const language = lang(c);
    requireStaff(c);
    const slug = c.req.param('file').replace(/\.json$/, '');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new FormsError(400, [{ path: '(definition)', message: 'The body must be a JSON form definition.' }]);
    }
    const errors = validateDefinition(body);
    if (errors.length > 0) return json(400, { errors }, language);
    const def = body as FormDefinition;
    if (def.slug !== slug) throw new FormsError(400, [{ path: 'slug', message: formsMessage(language, 'slug') }]);
    const version = await store.publish(def, new Date());
    return json(201, { slug, version }, language);
  });

  // Staff: a draft definition from a fillable PDF (application/pdf) or a Form.io form
  // (application/json), the importers of `npx civic-elements` behind the staff token, so a web
  // team drafts in the browser. Nothing is stored: the draft comes back to be read, translated and
  // published with PUT. `?name=` is a PDF's file name (for the slug, and the title when the PDF
  // has none).
  app.post('/import.json', async (c) => {
    const language = lang(c);
    requireStaff(c);
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    const fileName = (c.req.query('name') ?? '').slice(0, 200) || undefined;
    const refuse = (status: number, message: string) => json(status, { errors: [{ path: '(file)', message }] }, language);
    if (type !== 'application/pdf' && type !== 'application/json') return refuse(415, formsMessage(language, 'importType'));
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    // pdf-lib is large: loaded the first time staff draft, not when the server starts.
    const { importFormio, importPdf } = await import('../../importers/index.mjs');
    try {
      if (type === 'application/pdf') {
        if (new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).indexOf('%PDF-') < 0) return refuse(400, formsMessage(language, 'importNotPdf'));
        const { definition, report } = await importPdf(bytes, fileName ? { fileName } : {});
        return json(200, { definition, report: report.items }, language);
      }
      let form: unknown;
      try {
        form = JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        return refuse(400, formsMessage(language, 'importNotJson'));
      }
      // A Form.io form names itself (`name`, `path`): its slug comes from that, as on the command line.
      const { definition, report } = importFormio(form);
      return json(200, { definition, report: report.items }, language);
    } catch (error) {
      // The importers say what is wrong with the file in their errors; pdf-lib's own (a broken
      // PDF) are passed on as they are.
      return refuse(400, formsMessage(language, 'importFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  });

  const staffList = async (c: Context) => {
    requireStaff(c);
    const def = await definitionOf(c, c.req.param('slug') ?? '');
    const status = c.req.query('status');
    return { def, rows: await store.list(def.slug, status || undefined, MAX_LIST) };
  };

  app.get('/forms/:slug/submissions.json', async (c) => {
    const language = lang(c);
    const { rows } = await staffList(c);
    const files = await store.files(rows.map((r) => r.id));
    const submissions = rows.map((r) => ({
      reference: r.reference,
      status: r.status,
      version: r.version,
      language: r.language,
      submitted_at: new Date(r.submitted_at).toISOString(),
      updated_at: new Date(r.updated_at).toISOString(),
      answers: r.answers,
      files: files
        .filter((f) => f.submission_id === r.id)
        .map((f) => ({ path: f.path, name: f.name, type: f.content_type, size: f.size, url: `${base(c)}/submissions/${r.reference}/files/${f.id}` })),
    }));
    return json(200, { submissions }, language);
  });

  app.get('/forms/:slug/submissions.csv', async (c) => {
    const language = lang(c);
    const { def, rows } = await staffList(c);
    return new Response(submissionsCsv(def, rows, language), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': `attachment; filename="${def.slug}-submissions.csv"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });

  app.get('/submissions/:reference/files/:id', async (c) => {
    requireStaff(c);
    const row = await submissionOf(c, c.req.param('reference'));
    const id = c.req.param('id');
    const file = UUID.test(id) ? await store.file(row.id, id) : undefined;
    if (!file) throw FormsError.of(404, 'not_found', formsMessage(lang(c), 'notFound'));
    return new Response(new Blob([file.bytes as Uint8Array<ArrayBuffer>]), {
      headers: {
        'Content-Type': file.content_type,
        'Content-Length': String(file.bytes.byteLength),
        'Content-Disposition': `attachment; filename="${file.name.replace(/[^\w.\- ]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
      },
    });
  });

  app.patch('/submissions/:file{[A-Z0-9-]+\\.json}', async (c) => {
    const language = lang(c);
    requireStaff(c);
    const row = await submissionOf(c, c.req.param('file').replace(/\.json$/, ''));
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      body = undefined;
    }
    const status = (body as { status?: unknown } | undefined)?.status;
    if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status))
      throw FormsError.of(400, 'status', formsMessage(language, 'status', { list: STATUSES.join(', ') }));
    await store.setStatus(row.id, status, new Date());
    return json(200, await trackerView((await store.byReference(row.reference))!, language), language);
  });

  app.notFound((c) => json(404, { errors: [{ question: null, code: 'not_found', message: formsMessage(lang(c), 'notFound') }] }, lang(c)));
  app.onError((err, c) => {
    const language = lang(c);
    if (err instanceof FormsError) return json(err.status, { errors: err.errors }, language, err.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="staff"' } : {});
    // Never the error's message or the body: either may carry a resident's answers.
    console.error(`forms: ${c.req.method} ${new URL(c.req.url).pathname} failed (${err.name})`);
    return json(500, { errors: [{ question: null, code: 'server', message: formsMessage(language, 'server') }] }, language);
  });
  return app;
}
