import { createHmac } from 'node:crypto';
import { sameSecret } from './tokens.js';

/** Keywords carriers and providers reserve (CTIA; Twilio's defaults), matched on the whole trimmed body. */
export const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
export const START_WORDS = new Set(['START', 'YES', 'UNSTOP']);
export const HELP_WORDS = new Set(['HELP', 'INFO']);

export function keywordOf(body: string): 'stop' | 'start' | 'help' | 'other' {
  const word = body.trim().replace(/[.!]+$/, '').toUpperCase();
  if (STOP_WORDS.has(word)) return 'stop';
  if (START_WORDS.has(word)) return 'start';
  if (HELP_WORDS.has(word)) return 'help';
  return 'other';
}

/**
 * Twilio's request signature: base64 HMAC-SHA1, keyed by the auth token, of the full URL followed
 * by every POST parameter's name and value, sorted by name.
 */
export function smsSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

export function validSignature(authToken: string, url: string, params: Record<string, string>, header: string | undefined): boolean {
  return sameSecret(header, smsSignature(authToken, url, params));
}

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch]!);

export function twiml(message?: string): Response {
  const body = `<?xml version="1.0" encoding="UTF-8"?><Response>${message ? `<Message>${escapeXml(message)}</Message>` : ''}</Response>`;
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/xml; charset=utf-8', 'Cache-Control': 'no-store' } });
}
