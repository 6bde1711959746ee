/**
 * Prints one plain closing line after jest's own summary, e.g. `tests: 1265 passed, 0 failed`,
 * in the form CI tools read in any language (jest's "Tests: 1265 passed, 1265 total" is not).
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const suitesFailed = results.numFailedTestSuites - countSuitesWithFailedTests(results);
    // A suite that fails to run (syntax error, failed beforeAll) has no failed test of its own:
    // count it as a failure so the line never says 0 failed for a red run.
    const failed = results.numFailedTests + Math.max(0, suitesFailed);
    // stderr, like jest's own summary, so this line really comes last in a combined log.
    process.stderr.write(
      `\ntests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
  }
}

function countSuitesWithFailedTests(results) {
  return results.testResults.filter((suite) => suite.numFailingTests > 0).length;
}

module.exports = SummaryReporter;
