import assert from 'node:assert/strict';
import type { ServerOptions } from '../../server/app.js';
import { startSmtpSink, type SinkMessage, type SmtpSink } from '../helpers/smtp-sink.js';
import { get, startTestServer, type Answer, type TestDatabase, type TestServer } from './helpers.js';

export const STAFF = 'notify-staff-token-for-tests-0123';
export const PAGE = 'https://www.hartford.gov/notify';

export interface NotifyHarness {
  server: TestServer;
  sink: SmtpSink;
  api: string;
  stop(): Promise<void>;
}

/** A test server whose email goes to a real SMTP server process (the sink). */
export async function startNotifyServer(db: TestDatabase, options: ServerOptions = {}, sinkOptions: { reject?: string } = {}): Promise<NotifyHarness> {
  const sink = await startSmtpSink(sinkOptions);
  const server = await startTestServer(db, { staffToken: STAFF, smtpUrl: sink.url, notifyPollMs: 50, ...options });
  return {
    server,
    sink,
    api: `${server.base}/notify/v1`,
    async stop() {
      await server.stop();
      await sink.close();
    },
  };
}

export function postJson<T = unknown>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  return get<T>(url, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });
}

export function sendJson<T = unknown>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  return get<T>(url, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }), headers: { 'Content-Type': 'application/json', ...headers } });
}

export const staff = { Authorization: `Bearer ${STAFF}` };

/** The token in a `?confirm=` / `?manage=` link of a message's text. */
export function linkToken(m: SinkMessage | { text: string }, kind: 'confirm' | 'manage'): string {
  const match = new RegExp(`[?&]${kind}=([A-Za-z0-9_-]{43})`).exec(m.text);
  assert.ok(match, `no ${kind} link in:\n${m.text}`);
  return match[1]!;
}

export function oneClickUrl(m: SinkMessage): string {
  const header = m.header('List-Unsubscribe') ?? '';
  const match = /^<(https?:\/\/[^>]+\/notify\/v1\/unsubscribe\/[A-Za-z0-9_-]{43})>$/.exec(header);
  assert.ok(match, `List-Unsubscribe is ${header}`);
  return match[1]!;
}

/** Messages the sink got for one recipient. */
export const to = (address: string) => (m: SinkMessage) => m.to.includes(address);

export async function subscribe(h: NotifyHarness, body: Record<string, unknown>): Promise<Answer<{ status: string; channels: string[] }>> {
  return postJson(`${h.api}/subscriptions.json`, { topics: [{ id: 'road-closures', frequency: 'immediate' }], language: 'en', page_url: PAGE, ...body });
}

/** Signs up, waits for the confirmation email, confirms, and returns the manage token. */
export async function subscribeAndConfirm(h: NotifyHarness, email: string, body: Record<string, unknown> = {}): Promise<string> {
  const before = h.sink.messages().filter(to(email)).length;
  const answer = await subscribe(h, { email, ...body });
  assert.equal(answer.status, 202, answer.text);
  const mails = await h.sink.waitFor(before + 1, { match: to(email) });
  const confirmed = await postJson<{ manage_token: string }>(`${h.api}/confirm.json`, { token: linkToken(mails.at(-1)!, 'confirm') });
  assert.equal(confirmed.status, 200, confirmed.text);
  return confirmed.body.manage_token;
}
