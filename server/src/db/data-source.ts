import 'reflect-metadata';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../../migrations';
import { entities } from './entities';
import { CountingSqlLogger } from './sql-counter';

/** Connections in TypeORM's pool, per server process. */
const POOL_SIZE = 10;
/** Connections in the pool of prepared reads (db/prepared.ts), per server process. */
const PREPARED_POOL_SIZE = 5;

type SqlErrorHandler = (message: string, fields: Record<string, unknown>) => void;

/**
 * TypeORM's DataSource with a second, smaller pool for the prepared reads of the hot path (see
 * db/prepared.ts for why they plan differently), opened on first use and closed with the rest.
 */
export class AppDataSource extends DataSource {
  private preparedPool?: Pool;

  constructor(
    private readonly url: string,
    private readonly onSqlError: SqlErrorHandler,
  ) {
    super({
      type: 'postgres',
      url,
      entities,
      migrations,
      synchronize: false,
      migrationsRun: false,
      migrationsTransactionMode: 'each',
      uuidExtension: 'pgcrypto',
      logger: new CountingSqlLogger(onSqlError),
      maxQueryExecutionTime: 2000,
      extra: { max: POOL_SIZE },
    });
  }

  /** The pool whose connections keep one generic plan per prepared statement. */
  preparedReads(): Pool {
    if (!this.preparedPool) {
      const pool = new Pool({ connectionString: this.url, max: PREPARED_POOL_SIZE, options: '-c plan_cache_mode=force_generic_plan' });
      // An idle connection the server dropped must not end the process: the pool replaces it.
      pool.on('error', (error) => this.onSqlError('idle prepared-read connection failed', { detail: error.message }));
      this.preparedPool = pool;
    }
    return this.preparedPool;
  }

  override async destroy(): Promise<void> {
    const pool = this.preparedPool;
    this.preparedPool = undefined;
    await pool?.end();
    await super.destroy();
  }
}

/** The schema changes only through migrations: never `synchronize`. */
export function createDataSource(url: string, onSqlError: SqlErrorHandler = () => {}): AppDataSource {
  return new AppDataSource(url, onSqlError);
}
