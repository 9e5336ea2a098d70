// Prints the plain closing line CI reads ("Tests: N passed, N failed, N skipped") from jest's JSON.
const { readFileSync, existsSync } = require('fs');
const file = process.argv[2];
if (!existsSync(file)) {
  console.log('Tests: 0 passed, 1 failed');
  process.exit(0);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
const failedSuites = r.numFailedTestSuites + (r.numRuntimeErrorTestSuites || 0);
console.log(`Suites: ${r.numPassedTestSuites} passed, ${failedSuites} failed`);
console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests + (failedSuites && !r.numFailedTests ? failedSuites : 0)} failed, ${r.numPendingTests} skipped`);
