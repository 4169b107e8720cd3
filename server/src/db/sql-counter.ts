import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** Counts the SQL statements run while serving one request, so tests can assert there is no N+1. */
const requestStatements = new AsyncLocalStorage<{ count: number }>();

export function withStatementCounter<T>(run: () => T): T {
  return requestStatements.run({ count: 0 }, run);
}

export function currentStatementCount(): number | undefined {
  return requestStatements.getStore()?.count;
}

/** TypeORM calls logQuery for every statement it sends; we count them, and log only failures. */
export class CountingSqlLogger implements TypeOrmLogger {
  constructor(private readonly onError: (message: string, fields: Record<string, unknown>) => void) {}

  logQuery(): void {
    const counter = requestStatements.getStore();
    if (counter) counter.count += 1;
  }
  logQueryError(error: string | Error): void {
    // The statement and its parameters may hold personal data: log the database's message only.
    this.onError('sql statement failed', { detail: error instanceof Error ? error.message : error });
  }
  logQuerySlow(time: number): void {
    this.onError('slow sql statement', { ms: time });
  }
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
