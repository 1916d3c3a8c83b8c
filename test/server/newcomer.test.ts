// A newcomer's `npm install` (npm 11) ends with "npm warn install-scripts …" for every dependency
// whose install script is not reviewed in package.json's `allowScripts`: that reads like a failure.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

const repo = join(import.meta.dirname, '../..');
const npmMajor = Number(execFileSync('npm', ['--version'], { encoding: 'utf8' }).split('.')[0]);

describe('npm install for a newcomer', () => {
  it('leaves no dependency install script unreviewed (so npm 11 prints no install-scripts warning)', { skip: npmMajor < 11 ? 'npm < 11 has no install-script approvals' : false }, () => {
    const answer = JSON.parse(execFileSync('npm', ['install-scripts', 'ls', '--json'], { cwd: repo, encoding: 'utf8' })) as { allowScripts: unknown[] };
    assert.deepEqual(answer.allowScripts, []);
  });

  it('approves by name, so a version bump in the lockfile does not bring the warning back', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
    assert.ok(pkg.allowScripts && Object.keys(pkg.allowScripts).length > 0);
    for (const [name, allowed] of Object.entries(pkg.allowScripts)) {
      assert.equal(allowed, true, name);
      assert.doesNotMatch(name, /.@/, `${name} is not pinned to one version`);
    }
  });
});
