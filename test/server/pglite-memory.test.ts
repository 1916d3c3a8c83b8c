import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openPglite } from '../../server/db.js';

// What keeps the embedded database's memory small (figures: server/README.md, `npm run bench:server`).
test('PGlite: a fresh data dir is created by a child process, then opened with 16 MB of shared buffers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'civic-pglite-memory-'));
  try {
    const db = await openPglite(dir);
    try {
      assert.ok(existsSync(join(dir, 'PG_VERSION')), 'the cluster is on disk');
      const [row] = await db.query<{ shared_buffers: string }>('SHOW shared_buffers');
      assert.equal(row!.shared_buffers, '16MB');
      // initdb in this process would leave ~630 MiB of WASM memory here; opening leaves ~140.
      const externalMiB = process.memoryUsage().external / 1048576;
      assert.ok(externalMiB < 400, `external memory ${Math.round(externalMiB)} MiB`);
      await db.query('CREATE TABLE kept (n int)');
      await db.query('INSERT INTO kept VALUES (42)');
    } finally {
      await db.close();
    }
    const again = await openPglite(dir);
    try {
      assert.deepEqual(await again.query('SELECT n FROM kept'), [{ n: 42 }]);
    } finally {
      await again.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
