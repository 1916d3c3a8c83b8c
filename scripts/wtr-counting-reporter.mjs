// Counts passed/failed/skipped tests across every browser session, for the suite summary.
import { writeFileSync } from 'node:fs';

function tally(suite, counts) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) counts.skipped++;
    else if (t.passed) counts.passed++;
    else counts.failed++;
  }
  for (const s of suite?.suites ?? []) tally(s, counts);
}

export function countingReporter(file) {
  let sessions = [];
  return {
    start({ sessions: s }) {
      sessions = s;
    },
    onTestRunFinished({ sessions: finished }) {
      const counts = { passed: 0, failed: 0, skipped: 0, fileErrors: 0 };
      for (const session of finished ?? sessions.all()) {
        tally(session.testResults, counts);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.fileErrors++;
      }
      if (file) writeFileSync(file, JSON.stringify(counts));
    },
  };
}
