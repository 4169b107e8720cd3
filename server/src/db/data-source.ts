import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { migrations } from '../../../migrations';
import { entities } from './entities';
import { CountingSqlLogger } from './sql-counter';

/** The schema changes only through migrations: never `synchronize`. */
export function createDataSource(url: string, onSqlError: (message: string, fields: Record<string, unknown>) => void = () => {}): DataSource {
  return new DataSource({
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
    extra: { max: 10 },
  });
}
