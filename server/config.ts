import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Options of `startServer`; every one optional, each mirrors an environment variable of `main.ts`. */
export interface ServerOptions {
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** PGlite data directory. Default `.data/` at the repo root. */
  dataDir?: string;
  /** PostgreSQL URL; when set, PGlite is not used. */
  databaseUrl?: string;
  /** Keys accepted on POST; none means POST needs no key. */
  apiKeys?: string[] | string;
  /** Origins allowed by CORS; `*` allows any. None means no CORS headers at all. */
  corsOrigins?: string[] | string;
  /** Base URL of a city's GeoReport v2 endpoint: when set, `/open311/v2/*` is relayed there. */
  upstream?: string;
  /** Key added to relayed POSTs. */
  upstreamApiKey?: string;
  /** How long the relay waits for the upstream's whole answer before a 502. Default 30000. */
  upstreamTimeoutMs?: number;
  /** Serve `demo/` at `/` and `dist/` at `/dist/`. Default true. */
  serveDemo?: boolean;
  /** How long a batch request waits before its token resolves to an id. Default 0. */
  batchDelayMs?: number;
  /** The jurisdiction this endpoint answers for. Default `hartford.ct.us`. */
  jurisdictionId?: string;
  /** Where `demo/` and `dist/` live. Default the repo root. */
  rootDir?: string;
  /** Zone for emitted datetimes. Default America/New_York. */
  timeZone?: string;
  /** Bearer token of the staff APIs (records actions…); none turns them off. */
  staffToken?: string;
  /** Public-records deadline rule id (`us-ct`, `us-ny`, `us-ca`, `us-tx`, `us-federal`, `us-fl`). Default `us-ct`. */
  recordsRule?: string;
  /** Records requests must carry the requester's name and a way to reach them. Default false. */
  recordsContactRequired?: boolean;
  /** Publish acknowledged requests in a public log (`GET /records/v1/requests.json`). Default false. */
  recordsPublicLog?: boolean;
  /** Absolute origin residents reach this server at, for links in answers (behind a proxy). Default: the request's own origin. */
  publicUrl?: string;
  /** Tests only: how long an idempotent POST holds its transaction open before committing. */
  testHoldPostMs?: number;
  /** Base URL of the NWS API the relay reads. Default `https://api.weather.gov`. */
  nwsUrl?: string;
  /** NWS zones (`CTZ002`) the relay answers for; nothing else is relayed. */
  nwsZones?: string[] | string;
  /** NWS points (`41.7637,-72.6851`) the relay answers for. */
  nwsPoints?: string[] | string;
  /** Contact the NWS asks to find in the User-Agent (an email or URL). */
  nwsContact?: string;
  /** Seconds the relay keeps an NWS answer. Default 60. */
  nwsCacheSeconds?: number;
  /** SMTP server for notification email (`smtp://user:pass@host:port`); none: email goes to the outbox table. */
  smtpUrl?: string;
  /** `From:` of notification email. Default `City of Hartford <notify@localhost>`. */
  mailFrom?: string;
  /** Twilio-compatible "create message" URL; with `smsAccountSid` and `smsAuthToken`, texts go there, else to the outbox. */
  smsApiUrl?: string;
  smsAccountSid?: string;
  /** Also the key of the inbound webhook's signature: when set, unsigned webhook calls are refused. */
  smsAuthToken?: string;
  smsFrom?: string;
  /** The page with `<civic-notify-signup>` that links point to. Default `{origin}/notify.html`. */
  notifyPageUrl?: string;
  /** Most messages one recipient gets per rolling hour (emergency alerts excepted). Default 30. */
  notifyRatePerHour?: number;
  /** Run the notify worker on a timer. Default true; tests that move a clock turn it off and call `notify.tick(now)`. */
  notifyWorker?: boolean;
  /** How often the worker looks for work. Default 2000. */
  notifyPollMs?: number;
  /** How long a claimed message is held before another worker may take it again. Default 60000. */
  notifyLeaseMs?: number;
  /** Named in messages and in the SMS HELP answer. */
  cityName?: string;
  cityPhone?: string;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  apiKeys: string[];
  corsOrigins: string[];
  upstream?: string;
  upstreamApiKey?: string;
  upstreamTimeoutMs: number;
  serveDemo: boolean;
  batchDelayMs: number;
  jurisdictionId: string;
  rootDir: string;
  timeZone: string;
  staffToken?: string;
  recordsRule: string;
  recordsContactRequired: boolean;
  recordsPublicLog: boolean;
  publicUrl?: string;
  testHoldPostMs: number;
  nwsUrl: string;
  nwsZones: string[];
  nwsPoints: string[];
  nwsContact?: string;
  nwsCacheSeconds: number;
  smtpUrl?: string;
  mailFrom: string;
  smsApiUrl?: string;
  smsAccountSid?: string;
  smsAuthToken?: string;
  smsFrom?: string;
  notifyPageUrl?: string;
  notifyRatePerHour: number;
  notifyWorker: boolean;
  notifyPollMs: number;
  notifyLeaseMs: number;
  cityName: string;
  cityPhone: string;
}

function list(value: string[] | string | undefined): string[] {
  const items = Array.isArray(value) ? value : (value ?? '').split(',');
  return items.map((s) => s.trim()).filter((s) => s.length > 0);
}

export function resolveConfig(o: ServerOptions): Config {
  return {
    port: o.port ?? 8080,
    host: o.host ?? '127.0.0.1',
    dataDir: resolve(o.dataDir ?? resolve(REPO_ROOT, '.data')),
    databaseUrl: o.databaseUrl || undefined,
    apiKeys: list(o.apiKeys),
    corsOrigins: list(o.corsOrigins),
    upstream: o.upstream ? o.upstream.replace(/\/+$/, '') : undefined,
    upstreamApiKey: o.upstreamApiKey || undefined,
    upstreamTimeoutMs: o.upstreamTimeoutMs && o.upstreamTimeoutMs > 0 ? o.upstreamTimeoutMs : 30_000,
    serveDemo: o.serveDemo ?? true,
    batchDelayMs: Math.max(0, o.batchDelayMs ?? 0),
    jurisdictionId: o.jurisdictionId ?? 'hartford.ct.us',
    rootDir: o.rootDir ?? REPO_ROOT,
    timeZone: o.timeZone ?? 'America/New_York',
    staffToken: o.staffToken || undefined,
    recordsRule: o.recordsRule || 'us-ct',
    recordsContactRequired: o.recordsContactRequired ?? false,
    recordsPublicLog: o.recordsPublicLog ?? false,
    publicUrl: o.publicUrl ? o.publicUrl.replace(/\/+$/, '') : undefined,
    testHoldPostMs: Math.max(0, o.testHoldPostMs ?? 0),
    nwsUrl: (o.nwsUrl || 'https://api.weather.gov').replace(/\/+$/, ''),
    nwsZones: list(o.nwsZones).map((z) => z.toUpperCase()),
    // Points hold a comma themselves, so the environment separates them with `;`.
    nwsPoints: (Array.isArray(o.nwsPoints) ? o.nwsPoints : (o.nwsPoints ?? '').split(';')).map((p) => p.replace(/\s+/g, '')).filter(Boolean),
    nwsContact: o.nwsContact || undefined,
    nwsCacheSeconds: Math.max(0, o.nwsCacheSeconds ?? 60),
    smtpUrl: o.smtpUrl || undefined,
    mailFrom: o.mailFrom || `${o.cityName || 'City of Hartford'} <notify@localhost>`,
    smsApiUrl: o.smsApiUrl || undefined,
    smsAccountSid: o.smsAccountSid || undefined,
    smsAuthToken: o.smsAuthToken || undefined,
    smsFrom: o.smsFrom || undefined,
    notifyPageUrl: o.notifyPageUrl || undefined,
    notifyRatePerHour: o.notifyRatePerHour && o.notifyRatePerHour > 0 ? o.notifyRatePerHour : 30,
    notifyWorker: o.notifyWorker ?? true,
    notifyPollMs: o.notifyPollMs && o.notifyPollMs > 0 ? o.notifyPollMs : 2000,
    notifyLeaseMs: o.notifyLeaseMs && o.notifyLeaseMs > 0 ? o.notifyLeaseMs : 60_000,
    cityName: o.cityName || 'City of Hartford',
    cityPhone: o.cityPhone || '860-757-9311',
  };
}
