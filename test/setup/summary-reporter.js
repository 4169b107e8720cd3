/**
 * Ends a jest run with the plain line "N passed, N failed" (and skipped), which CI reads
 * whatever the runner.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
    // Jest prints its own summary after every reporter has run; ours goes last, at exit.
    process.once('exit', () => process.stderr.write(`${line}\n`));
  }
}

module.exports = SummaryReporter;
