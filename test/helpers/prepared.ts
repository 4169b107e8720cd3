import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { AppDataSource } from '../../server/src/db/data-source';

/**
 * Runs `each` on every connection the prepared-reads pool holds, one after another, and returns
 * what each gave. A connection sees only the statements it prepared itself, so a test of what was
 * prepared must ask them all; they are all held at once, so none is asked twice.
 */
export async function onEveryPreparedConnection<T>(db: DataSource, each: (client: PoolClient) => Promise<T>): Promise<T[]> {
  const pool = (db as AppDataSource).preparedReads();
  const clients = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
  try {
    const results: T[] = [];
    for (const client of clients) results.push(await each(client));
    return results;
  } finally {
    for (const client of clients) client.release();
  }
}
