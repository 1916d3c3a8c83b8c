import nodemailer from 'nodemailer';
import type { NotifyChannel } from '../../src/api/notify/types.js';

/** One rendered message on its way out. */
export interface OutgoingMessage {
  queueId: number;
  messageId: string;
  channel: NotifyChannel;
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
  language: string;
}

/**
 * A send that did not happen. `permanent`: the recipient refused it (an SMTP 5xx, a provider's
 * 4xx) and retrying cannot help: a bounce. `reason` names no address (it goes into the queue row).
 */
export class SendError extends Error {
  override name = 'SendError';
  constructor(
    readonly reason: string,
    readonly permanent: boolean,
  ) {
    super(reason);
  }
}

export interface Transport {
  send(message: OutgoingMessage): Promise<void>;
  close(): Promise<void>;
}

/** Email by SMTP (nodemailer, pooled connections). `SMTP_URL`: `smtp://user:pass@host:port` or `smtps://…`. */
export function smtpTransport(smtpUrl: string, from: string): Transport {
  const u = new URL(smtpUrl);
  const secure = u.protocol === 'smtps:';
  const transporter = nodemailer.createTransport({
    host: u.hostname,
    port: Number(u.port) || (secure ? 465 : 587),
    secure,
    ...(u.username ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } } : {}),
    pool: true,
    maxConnections: 5,
    maxMessages: Infinity,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(m) {
      // nodemailer writes Message-ID itself from `messageId`.
      const headers = Object.fromEntries(Object.entries(m.headers).filter(([name]) => name.toLowerCase() !== 'message-id'));
      try {
        await transporter.sendMail({ from, to: m.to, subject: m.subject, text: m.text, messageId: m.messageId, headers });
      } catch (err) {
        const e = err as { responseCode?: number; code?: string; command?: string };
        // Never err.message: SMTP replies quote the recipient's address.
        const reason = `SMTP ${e.responseCode ?? e.code ?? 'error'}${e.command ? ` at ${e.command}` : ''}`;
        throw new SendError(reason, typeof e.responseCode === 'number' && e.responseCode >= 500);
      }
    },
    async close() {
      transporter.close();
    },
  };
}

/**
 * Texts through a Twilio-compatible "create message" API: a form POST of `To`, `From`, `Body`
 * with Basic auth (account SID and auth token) to `SMS_API_URL`.
 */
export function smsTransport(o: { url: string; accountSid: string; authToken: string; from: string; timeoutMs?: number }): Transport {
  const auth = `Basic ${Buffer.from(`${o.accountSid}:${o.authToken}`).toString('base64')}`;
  return {
    async send(m) {
      let res: Response;
      try {
        res = await fetch(o.url, {
          method: 'POST',
          headers: { Authorization: auth, 'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': m.messageId },
          body: new URLSearchParams({ To: m.to, From: o.from, Body: m.text }),
          signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
        });
      } catch (err) {
        throw new SendError(`SMS provider unreachable (${(err as Error).name})`, false);
      }
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return;
      throw new SendError(`SMS provider HTTP ${res.status}`, res.status >= 400 && res.status < 500 && res.status !== 429 && res.status !== 408);
    },
    async close() {},
  };
}
