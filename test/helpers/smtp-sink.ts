import { spawn, type ChildProcess } from 'node:child_process';
import { watch, mkdtempSync, readFileSync, readdirSync, rmSync, type FSWatcher } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** One message the sink received, as raw RFC 5322 text with its headers parsed. */
export interface SinkMessage {
  file: string;
  raw: string;
  /** Envelope recipients (RCPT TO), as the sink recorded them. */
  to: string[];
  /** Header lookup, case-insensitive, unfolded; the first occurrence. */
  header(name: string): string | undefined;
  headers: Array<[name: string, value: string]>;
  /** The decoded text/plain body (quoted-printable and base64 handled). */
  text: string;
  subject: string;
  messageId: string;
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:PORT` for `SMTP_URL`. */
  url: string;
  port: number;
  dir: string;
  /** Every message received so far, oldest first. */
  messages(): SinkMessage[];
  /** Resolves once at least `n` messages have arrived (optionally only those matching), rejecting after `timeoutMs`. */
  waitFor(n: number, options?: { timeoutMs?: number; match?: (m: SinkMessage) => boolean }): Promise<SinkMessage[]>;
  /** Number of message files, without parsing them (cheap, for benchmarks). */
  count(): number;
  /** Forgets what was received so far (deletes the files). */
  clear(): void;
  close(): Promise<void>;
}

const PROCESS = fileURLToPath(new URL('./smtp-sink-process.mjs', import.meta.url));

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*(?==\?)|=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (...m: string[]) => {
    const [enc, text] = m[2] ? [m[2], m[3]!] : [m[5]!, m[6]!];
    if (enc.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
    return Buffer.from(
      text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  });
}

function decodeBody(body: string, encoding: string | undefined): string {
  const enc = (encoding ?? '').toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

function parseHeaders(block: string): Array<[string, string]> {
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  return unfolded
    .split(/\r?\n/)
    .filter((l) => l.includes(':'))
    .map((l) => {
      const i = l.indexOf(':');
      return [l.slice(0, i).trim(), decodeWords(l.slice(i + 1).trim())] as [string, string];
    });
}

function splitPart(raw: string): { headers: Array<[string, string]>; body: string } {
  const m = /\r?\n\r?\n/.exec(raw);
  if (!m) return { headers: parseHeaders(raw), body: '' };
  return { headers: parseHeaders(raw.slice(0, m.index)), body: raw.slice(m.index + m[0].length) };
}

const get = (headers: Array<[string, string]>, name: string) => headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

/** The first text/plain part of a (possibly multipart) message, decoded. */
function textOf(headers: Array<[string, string]>, body: string): string {
  const type = get(headers, 'Content-Type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const p = splitPart(part.replace(/^\r?\n/, ''));
      const text = textOf(p.headers, p.body);
      if (text) return text;
    }
    return '';
  }
  if (!/^text\/plain/i.test(type)) return '';
  return decodeBody(body, get(headers, 'Content-Transfer-Encoding'));
}

export function parseMessage(file: string, raw: string): SinkMessage {
  const { headers, body } = splitPart(raw);
  return {
    file,
    raw,
    headers,
    header: (name) => get(headers, name),
    to: (get(headers, 'X-Sink-Rcpt-To') ?? '').split(/,\s*/).filter(Boolean),
    text: textOf(headers, body),
    subject: get(headers, 'Subject') ?? '',
    messageId: get(headers, 'Message-ID') ?? '',
  };
}

/**
 * Spawns `smtp-sink-process.mjs`: a real SMTP server (smtp-server) in its own Node process on
 * 127.0.0.1 and a free port (or `port`), writing each message to a temporary directory. `reject`
 * makes that recipient's RCPT TO a 550.
 */
export async function startSmtpSink(options: { reject?: string; port?: number } = {}): Promise<SmtpSink> {
  const dir = mkdtempSync(join(tmpdir(), 'civic-smtp-sink-'));
  const child: ChildProcess = spawn(process.execPath, [PROCESS, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, SMTP_SINK_REJECT: options.reject ?? '', SMTP_SINK_PORT: String(options.port ?? 0) },
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`smtp sink exited (${code}) before listening`)));
  });
  const files = () =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      .sort();
  const cache = new Map<string, SinkMessage>();
  const messages = () =>
    files().map((f) => {
      let m = cache.get(f);
      if (!m) {
        m = parseMessage(f, readFileSync(join(dir, f), 'utf8'));
        cache.set(f, m);
      }
      return m;
    });
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    dir,
    messages,
    count: () => files().length,
    clear() {
      for (const f of files()) rmSync(join(dir, f));
      cache.clear();
    },
    waitFor(n, { timeoutMs = 20_000, match } = {}) {
      const matching = () => (match ? messages().filter(match) : messages());
      return new Promise((resolve, reject) => {
        let watcher: FSWatcher | undefined;
        let poll: NodeJS.Timeout | undefined;
        const done = (err?: Error) => {
          watcher?.close();
          clearInterval(poll);
          clearTimeout(timer);
          if (err) reject(err);
          else resolve(matching());
        };
        const check = () => {
          if (matching().length >= n) done();
        };
        const timer = setTimeout(() => done(new Error(`smtp sink: ${matching().length} of ${n} messages after ${timeoutMs} ms`)), timeoutMs);
        watcher = watch(dir, check);
        // fs.watch can coalesce events; a slow poll makes sure a condition already met is seen.
        poll = setInterval(check, 250);
        check();
      });
    },
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
