import 'reflect-metadata';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../../migrations';
import { entities } from './entities';
import { CountingSqlLogger } from './sql-counter';

/** Connections in TypeORM's pool, per server process. */
const POOL_SIZE = 10;
/**
 * Connections in the pool of prepared reads (db/prepared.ts), per server process. Three, not more:
 * where PostgreSQL shares the cores with the server processes, a fourth or fifth backend running a
 * 100-row page at the same time adds no throughput, only more processes taking the same cores
 * from each other, and the requests that lose wait longest. bench:board's shapes, interleaved A/B
 * rounds, medians (issue 11): `first: 100` at 10 connections, p99 114 → 101 ms and 99 → 87 ms
 * (5 → 3 connections) at the same requests per second; at 50 connections p99 859 → 444 ms and
 * 187 → 220 req/s. Two was better still for long pages but cost `node(id)` a sixth of its requests.
 */
const PREPARED_POOL_SIZE = 3;

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
