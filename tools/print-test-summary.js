// Prints the plain closing line CI reads ("Tests: N passed, N failed, N skipped") from jest's JSON (one or more
// result files, summed: tools/test.sh runs the compose test as a second jest run). A missing file counts as
// one failure.
const { readFileSync, existsSync } = require('fs');
const files = process.argv.slice(2);
const total = { passedSuites: 0, failedSuites: 0, passed: 0, failed: 0, skipped: 0 };
for (const file of files) {
  if (!existsSync(file)) {
    total.failed++;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const failedSuites = r.numFailedTestSuites + (r.numRuntimeErrorTestSuites || 0);
  total.passedSuites += r.numPassedTestSuites;
  total.failedSuites += failedSuites;
  total.passed += r.numPassedTests;
  total.failed += r.numFailedTests + (failedSuites && !r.numFailedTests ? failedSuites : 0);
  total.skipped += r.numPendingTests;
}
console.log(`Suites: ${total.passedSuites} passed, ${total.failedSuites} failed`);
console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
