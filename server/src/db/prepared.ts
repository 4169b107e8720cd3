import { createHash } from 'node:crypto';
import type { QueryConfig, QueryResult, QueryResultRow } from 'pg';
import type { RowTexts } from '../common/loader-utils';
import type { DataSource } from 'typeorm';
import { AppDataSource } from './data-source';

/**
 * How many texts run as prepared statements. Each pooled connection keeps every statement it has
 * prepared, and PostgreSQL its plan, for as long as the connection lives: the code's texts are
 * bounded (a list's filters and a page's narrowings combine in a fixed number of ways) but many,
 * and a client cycling through the combinations must not grow every connection without end.
 * A text beyond the limit runs unnamed, planned each time, as TypeORM's own queries are.
 */
export const PREPARED_STATEMENT_LIMIT = 200;

const names = new Map<string, string>();
function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < PREPARED_STATEMENT_LIMIT) names.set(text, (name = `cg_${createHash('sha1').update(text).digest('hex')}`));
  return name;
}

/**
 * Runs a read that every request (or every page of a list) repeats as a named prepared statement:
 * each pooled connection parses and plans it once, then only binds and executes it. For the board
 * the planning of its joins cost PostgreSQL about as much as running them (issue 11).
 *
 * "Plans it once" needs a pool of its own (AppDataSource.preparedReads), whose connections run
 * with plan_cache_mode=force_generic_plan. Left to decide, PostgreSQL kept planning these
 * statements afresh on every execution: their plan for the value at hand always looks a little
 * cheaper than the generic one (an array of ids estimated at one element instead of ten, one
 * organisation's count of changes instead of the average), so the generic plan was never taken and
 * a page of the board spent 1.4 ms of its 3 ms in PostgreSQL planning. The plans are the same
 * shape either way: every statement here reads by primary key or walks an index in page order and
 * stops at the page's end. TypeORM's own pool keeps the default, because its unnamed statements are
 * planned per execution anyway and some (search, aggregates) do depend on the values.
 *
 * The name is a digest of the text, so the same text always has the same name and two texts never
 * share one (past PREPARED_STATEMENT_LIMIT texts, none: see above). Only for statements outside a
 * transaction (it takes any pooled connection); the statement is counted and its failure logged as
 * TypeORM's own queries are.
 */
export async function queryPrepared<Row extends QueryResultRow>(db: DataSource, text: string, values: unknown[]): Promise<Row[]> {
  return (await runPrepared<Row>(db, { text, values })).rows;
}

/** Every value as the text PostgreSQL wrote it, none parsed by `pg`: the reader decodes each itself. */
const AS_WRITTEN = { getTypeParser: () => (text: string) => text };

/**
 * queryPrepared for a flat row (loader-utils' FlatRow): each row an array of the values' texts in
 * select-list order, so nothing is parsed twice or into a value the reader then throws away.
 */
export async function queryPreparedTexts(db: DataSource, text: string, values: unknown[]): Promise<RowTexts[]> {
  return (await runPrepared<RowTexts>(db, { text, values, rowMode: 'array', types: AS_WRITTEN })).rows;
}

async function runPrepared<Row>(db: DataSource, query: QueryConfig & { rowMode?: 'array' }): Promise<QueryResult<Row & QueryResultRow>> {
  if (!(db instanceof AppDataSource)) throw new Error('queryPrepared needs the DataSource that createDataSource makes.');
  const pool = db.preparedReads();
  const name = nameOf(query.text);
  const logger = db.logger;
  logger.logQuery(query.text);
  try {
    return await pool.query<Row & QueryResultRow>(name ? { ...query, name } : query);
  } catch (error) {
    logger.logQueryError(error as Error, query.text);
    throw error;
  }
}
