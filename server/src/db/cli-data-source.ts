/** For the TypeORM CLI (migration:generate / migration:run): DATABASE_URL or the local PostgreSQL. */
import { createDataSource } from './data-source';

export default createDataSource(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commonground_dev');
