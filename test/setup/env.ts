import 'reflect-metadata';

process.env.LOG_LEVEL ??= 'silent';
process.env.EXPOSE_SQL_COUNT = 'true';
