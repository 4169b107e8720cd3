import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs a read that every request (or every page of a list) repeats as a named prepared statement:
 * each pooled connection parses and plans it once, then only binds and executes it. For the board
 * the planning of its joins cost PostgreSQL about as much as running them (issue 11).
 *
 * The name is a digest of the text, so the same text always has the same name and two texts never
 * share one. Only for statements outside a transaction (it takes any pooled connection); the
 * statement is counted and its failure logged as TypeORM's own queries are.
 */
const names = new Map<string, string>();
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `cg_${createHash('sha1').update(text).digest('hex')}`;
    // The texts are the code's own (a list's filters combine in a bounded number of ways).
    if (names.size < 1000) names.set(text, name);
  }
  return name;
}

export async function queryPrepared<Row extends QueryResultRow>(db: DataSource, text: string, values: unknown[]): Promise<Row[]> {
  const pool = (db.driver as PostgresDriver).master as Pool;
  const name = nameOf(text);
  const logger = db.logger;
  logger.logQuery(text);
  try {
    return (await pool.query<Row>({ name, text, values })).rows;
  } catch (error) {
    logger.logQueryError(error as Error, text);
    throw error;
  }
}
