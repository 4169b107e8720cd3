import type { DataSource, EntityManager } from 'typeorm';

/** What an aborted transaction throws: the work was rolled back, not finished. */
export class TransactionAbortedError extends Error {
  constructor() {
    super('the transaction was aborted and rolled back');
    this.name = 'TransactionAbortedError';
  }
}

/**
 * A transaction that `signal` can end at any moment, for long background work (the reminder
 * sweep) that a stopping server must not wait for. On abort, PostgreSQL ends the transaction's
 * session (pg_terminate_backend): the statement running fails, or the next one does, and
 * PostgreSQL rolls back everything the transaction wrote. Ending the session rather than
 * cancelling a statement means no connection is handed back to the pool half-way through a
 * transaction; the pool drops the closed one.
 */
export async function abortableTransaction<T>(db: DataSource, signal: AbortSignal | undefined, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  if (signal?.aborted) throw new TransactionAbortedError();
  try {
    return await db.transaction(async (tx) => {
      const [{ pid }] = (await tx.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
      const end = () => void db.query('SELECT pg_terminate_backend($1)', [pid]).catch(() => undefined);
      signal?.addEventListener('abort', end, { once: true });
      try {
        return await work(tx);
      } finally {
        signal?.removeEventListener('abort', end);
      }
    });
  } catch (error) {
    throw signal?.aborted ? new TransactionAbortedError() : error;
  }
}
