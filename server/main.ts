import { startServer } from './app.js';

const env = process.env;
const int = (value: string | undefined, fallback: number) => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) ? n : fallback;
};

const server = await startServer({
  port: int(env.PORT, 8080),
  host: env.HOST || '127.0.0.1',
  dataDir: env.DATA_DIR || undefined,
  databaseUrl: env.DATABASE_URL || undefined,
  apiKeys: env.API_KEYS,
  corsOrigins: env.CORS_ORIGINS,
  upstream: env.UPSTREAM_OPEN311 || undefined,
  upstreamApiKey: env.OPEN311_API_KEY || undefined,
  upstreamTimeoutMs: int(env.UPSTREAM_TIMEOUT_MS, 30_000),
  serveDemo: env.SERVE_DEMO !== '0',
  batchDelayMs: int(env.BATCH_DELAY_MS, 0),
  jurisdictionId: env.JURISDICTION_ID || undefined,
  staffToken: env.STAFF_TOKEN || undefined,
  nwsUrl: env.NWS_URL || undefined,
  nwsZones: env.NWS_ZONES,
  nwsPoints: env.NWS_POINTS,
  nwsContact: env.NWS_CONTACT || undefined,
  nwsCacheSeconds: env.NWS_CACHE_SECONDS ? int(env.NWS_CACHE_SECONDS, 60) : undefined,
  recordsRule: env.RECORDS_RULE || undefined,
  recordsContactRequired: env.RECORDS_CONTACT === 'required',
  // The demo shows the public log; a city turns it on deliberately.
  recordsPublicLog: env.RECORDS_PUBLIC_LOG ? env.RECORDS_PUBLIC_LOG !== '0' : env.SERVE_DEMO !== '0',
  publicUrl: env.PUBLIC_URL || undefined,
  testHoldPostMs: int(env.CIVIC_TEST_HOLD_POST_MS, 0),
  smtpUrl: env.SMTP_URL || undefined,
  mailFrom: env.MAIL_FROM || undefined,
  smsApiUrl: env.SMS_API_URL || undefined,
  smsAccountSid: env.SMS_ACCOUNT_SID || undefined,
  smsAuthToken: env.SMS_AUTH_TOKEN || undefined,
  smsFrom: env.SMS_FROM || undefined,
  notifyPageUrl: env.NOTIFY_PAGE_URL || undefined,
  notifyRatePerHour: env.NOTIFY_RATE_PER_HOUR ? int(env.NOTIFY_RATE_PER_HOUR, 30) : undefined,
  cityName: env.CITY_NAME || undefined,
  cityPhone: env.CITY_PHONE || undefined,
}).catch((err: unknown) => {
  // A refusal to start (DATA_DIR in use, database unreachable) is one readable line, not a stack.
  console.error(`civic-elements reference backend did not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

// The one stdout line: test runners read the first URL printed here. Everything else goes to stderr.
process.stdout.write(`civic-elements reference backend: ${server.url}\n`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.error(`${signal}: shutting down`);
  server.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
