/** The benchmark's own database: never the development or test database. */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commonground_bench_insight';

/** A one-line progress bar on stderr, redrawn in place with \r. */
export function progressBar(label: string, total: number) {
  const started = Date.now();
  const width = 30;
  return {
    update(done: number, detail = '') {
      const filled = Math.round((done / total) * width);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${detail} ${seconds}s   `);
    },
    done() {
      process.stderr.write('\n');
    },
  };
}
