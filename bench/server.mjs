// `npm run bench:server`: load on the reference backend over loopback with autocannon.
// For each database it starts `server/main.ts` as its own process on a fresh, seeded store
// (a temp PGlite dir; a new schema on PostgreSQL), then measures GET services.json, the default
// requests.json (last 90 days) and a bbox query at each connection count: req/s, p50, p99.
// It also reads the server's resident memory (VmRSS) once seeded and idle, and after the load.
// Figures only; nothing here passes or fails.
//
// Options (all optional):
//   --db pglite,postgres     databases to run (PostgreSQL needs --database-url, DATABASE_URL or
//                            TEST_DATABASE_URL; `eval "$(bash scripts/pg-test-server.sh)"` gives one)
//   --connections 1,10,50,200
//   --duration 5             seconds per cell
//   --out file.md            also write the table there
//   --client wrk             load with Debian's `wrk` (C, one thread) instead of autocannon: on a
//                            small machine autocannon parsing 180 KB answers becomes the limit
//   --bbox-latency           instead: on the PostgreSQL database in DATABASE_URL as it is (fill it
//                            first: `npm run seed:bench -- --requests 1000000`), find a box whose
//                            90-day list holds 1,000+ requests and measure that query's latency,
//                            each request a slightly different box (never a cache hit), then the
//                            same box repeated (cache hits)
import autocannon from 'autocannon';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite,postgres' },
    connections: { type: 'string', default: '1,10,50,200' },
    duration: { type: 'string', default: '5' },
    out: { type: 'string' },
    'bbox-latency': { type: 'boolean', default: false },
    client: { type: 'string', default: 'autocannon' },
  },
});
const databases = args.db.split(',').map((s) => s.trim());
const connectionCounts = args.connections.split(',').map(Number);
const duration = Number(args.duration);
const pgUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || '';

// Downtown Hartford, roughly a fifth of the seeded city.
const BBOX = '-72.705,41.745,-72.680,41.775';
const ENDPOINTS = [
  { name: 'services.json', path: '/open311/v2/services.json' },
  { name: 'requests.json (90 days)', path: '/open311/v2/requests.json' },
  { name: 'requests.json?bbox', path: `/open311/v2/requests.json?bbox=${BBOX}` },
];

/** CPU time (user + system) the process has used, in ms: shows whether server or client was the limit. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/** Starts the backend as a child process; resolves once it prints its URL (seeding is done by then). */
function startBackend(env) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SERVE_DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((done, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/\S+?)\/?\n/.exec(out);
      if (m) done({ child, url: m[1] });
    });
    child.once('exit', (code) => fail(new Error(`backend exited (${code}): ${stderr}`)));
  });
}

async function stopBackend(child) {
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

async function adminQuery(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withSchema(url, schema) {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

function cannon(url, connections, seconds, extra = {}) {
  return new Promise((done, fail) => {
    autocannon({ url, connections, duration: seconds, ...extra }, (err, result) => (err ? fail(err) : done(result)));
  });
}

const toMs = (value) => {
  const m = /^([\d.]+)(us|ms|s)$/.exec(value);
  return m ? Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]] : NaN;
};

/** The same figures as autocannon's, from `wrk --latency`. */
async function wrk(url, connections, seconds) {
  const { stdout } = await promisify(execFile)('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', url]);
  const num = (re) => Number(re.exec(stdout)?.[1] ?? 0);
  const total = num(/(\d+) requests in/);
  return {
    requests: { average: num(/Requests\/sec:\s+([\d.]+)/), total },
    latency: { p50: toMs(/ 50%\s+(\S+)/.exec(stdout)?.[1] ?? ''), p99: toMs(/ 99%\s+(\S+)/.exec(stdout)?.[1] ?? '') },
    non2xx: num(/Non-2xx or 3xx responses: (\d+)/),
    errors: [...(/Socket errors: connect (\d+), read (\d+), write (\d+)/.exec(stdout) ?? [])].slice(1).reduce((a, b) => a + Number(b), 0),
    timeouts: num(/timeout (\d+)/),
  };
}

const load = (url, connections, seconds) => (args.client === 'wrk' ? wrk(url, connections, seconds) : cannon(url, connections, seconds));

async function runDatabase(name) {
  let env;
  let cleanup = async () => undefined;
  if (name === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'civic-bench-server-'));
    env = { DATA_DIR: dir, DATABASE_URL: '' };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    if (!pgUrl) throw new Error('PostgreSQL: set DATABASE_URL or TEST_DATABASE_URL');
    const schema = `civic_bench_${process.pid}`;
    await adminQuery(pgUrl, `DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    env = { DATABASE_URL: withSchema(pgUrl, schema) };
    cleanup = () => adminQuery(pgUrl, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
  const { child, url } = await startBackend(env);
  try {
    await delay(2000);
    const rssIdle = rssMiB(child.pid);
    const rows = [];
    for (const e of ENDPOINTS) {
      const res = await fetch(url + e.path);
      const body = await res.json();
      e.records = Array.isArray(body) ? body.length : '?';
      // Warm-up: first queries of a fresh process pay for planning and JIT.
      await load(url + e.path, 10, 1);
    }
    for (const connections of connectionCounts) {
      for (const e of ENDPOINTS) {
        const cpuBefore = cpuMs(child.pid);
        const r = await load(url + e.path, connections, duration);
        const cpu = cpuMs(child.pid) - cpuBefore;
        rows.push({
          endpoint: e.name,
          records: e.records,
          connections,
          rps: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          bad: r.non2xx + r.errors + r.timeouts,
          cpuPerRequest: r.requests.total > 0 ? cpu / r.requests.total : NaN,
          cpuShare: cpu / (duration * 1000),
        });
        process.stderr.write(`${name} ${e.name} c=${connections}: ${Math.round(r.requests.average)} req/s p50 ${ms(r.latency.p50)} p99 ${ms(r.latency.p99)}\n`);
      }
    }
    await delay(2000);
    return { name, rssIdle, rssAfter: rssMiB(child.pid), rows };
  } finally {
    await stopBackend(child);
    await cleanup();
  }
}

/** wrk reports fractions of a millisecond, autocannon whole ones. */
const ms = (x) => (x < 10 ? Number(x.toFixed(1)) : Math.round(x));

function table(results) {
  const lines = [];
  lines.push(`${args.client} ${duration} s per cell, loopback, ${new Date().toISOString()}.`);
  lines.push('server CPU: the backend process\'s CPU time per answered request, and its share of one core during the cell.');
  lines.push('');
  lines.push('| database | endpoint | records | conns | req/s | × services | p50 ms | p99 ms | server CPU ms/req | server CPU % | non-2xx/errors |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const db of results) {
    for (const r of db.rows) {
      const base = db.rows.find((x) => x.connections === r.connections && x.endpoint === 'services.json');
      lines.push(
        `| ${db.name} | ${r.endpoint} | ${r.records} | ${r.connections} | ${Math.round(r.rps)} | ${(r.rps / base.rps).toFixed(2)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.cpuPerRequest.toFixed(2)} | ${Math.round(r.cpuShare * 100)} | ${r.bad} |`,
      );
    }
  }
  lines.push('');
  for (const db of results) lines.push(`- ${db.name}: server RSS ${db.rssIdle} MiB idle after seeding, ${db.rssAfter} MiB idle after the load`);
  return lines.join('\n') + '\n';
}

const boxPath = (lng, lat, half, shift = 0) =>
  `/open311/v2/requests.json?bbox=${[lng - half + shift, lat - half, lng + half + shift, lat + half].map((x) => x.toFixed(7)).join(',')}`;

async function bboxLatency() {
  if (!pgUrl) throw new Error('--bbox-latency: set DATABASE_URL to the database seed:bench filled');
  const { child, url } = await startBackend({ DATABASE_URL: pgUrl });
  try {
    const total = async (path) => Number((await fetch(`${url}${path}&page_size=1`)).headers.get('x-total-count'));
    const [lng, lat] = [-72.6851, 41.7637];
    // Smallest box around downtown whose 90-day list has more than a page: 1,000 records back.
    let lo = 0.0005;
    let hi = 0.05;
    for (let i = 0; i < 14; i++) {
      const mid = (lo + hi) / 2;
      if ((await total(boxPath(lng, lat, mid))) >= 1100) hi = mid;
      else lo = mid;
    }
    const half = hi;
    const first = await fetch(url + boxPath(lng, lat, half));
    const records = (await first.json()).length;
    const matching = Number(first.headers.get('x-total-count'));
    const [{ n }] = (await (async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      try {
        return (await c.query('SELECT count(*)::int AS n FROM requests')).rows;
      } finally {
        await c.end();
      }
    })());
    let shift = 0;
    // 1e-7 degrees (1 cm) per request: a new cache key every time, nearly the same requests.
    const fresh = { requests: [{ setupRequest: (req) => ({ ...req, path: boxPath(lng, lat, half, (shift += 1e-7)) }) }] };
    const lines = [
      `bbox latency on PostgreSQL, ${n} requests in the table, box ${boxPath(lng, lat, half).split('=')[1]}:`,
      `${records} records per answer (${matching} match in the last 90 days); autocannon ${duration} s per row, ${new Date().toISOString()}`,
      '',
      '| cache | conns | req/s | p50 ms | p99 ms | non-2xx/errors |',
      '|---|---:|---:|---:|---:|---:|',
    ];
    for (const [label, extra, connections] of [
      ['miss (new box each time)', fresh, 1],
      ['miss (new box each time)', fresh, 10],
      ['hit (same box)', {}, 1],
      ['hit (same box)', {}, 50],
    ]) {
      const r = await cannon(url + boxPath(lng, lat, half), connections, duration, extra);
      lines.push(`| ${label} | ${connections} | ${Math.round(r.requests.average)} | ${ms(r.latency.p50)} | ${ms(r.latency.p99)} | ${r.non2xx + r.errors + r.timeouts} |`);
      process.stderr.write(lines.at(-1) + '\n');
    }
    return lines.join('\n') + '\n';
  } finally {
    await stopBackend(child);
  }
}

let md;
if (args['bbox-latency']) md = await bboxLatency();
else {
  const results = [];
  for (const name of databases) results.push(await runDatabase(name));
  md = table(results);
}
process.stdout.write(md);
if (args.out) writeFileSync(args.out, md);
