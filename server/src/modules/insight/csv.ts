import type { Writable } from 'node:stream';

export type CsvValue = string | number | boolean | Date | null | undefined;

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet would run as a formula (starting with = + - @,
 * tab or carriage return) is prefixed with a single quote; numbers we computed are left alone.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  let text = value instanceof Date ? value.toISOString() : value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (values: CsvValue[]) => `${values.map(csvCell).join(',')}\r\n`;

/** Resolves when the stream can take more, or has closed; removes its listeners either way. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}

/**
 * Streams rows in keyset batches: fetches `batchSize` rows after the last one written, writes
 * them, and waits for the client to drain before fetching more, so memory holds one batch at most.
 * Stops early when the client goes away. Returns the number of rows written.
 */
export async function streamBatches<Row>(
  out: Writable,
  fetchBatch: (after: Row | null, batchSize: number) => Promise<Row[]>,
  toLine: (row: Row) => string,
  batchSize: number,
): Promise<number> {
  let after: Row | null = null;
  let written = 0;
  for (;;) {
    if (out.destroyed) return written;
    const rows = await fetchBatch(after, batchSize);
    if (rows.length === 0) return written;
    if (!out.write(rows.map(toLine).join(''))) {
      await drained(out);
    }
    written += rows.length;
    if (rows.length < batchSize) return written;
    after = rows[rows.length - 1];
  }
}
