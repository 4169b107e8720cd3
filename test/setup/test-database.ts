/** Where the tests' own database lives: TEST_DATABASE_URL, or a database on the local PostgreSQL. */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commonground_test';
}

/** The same server, database `postgres`, for creating and dropping the test database. */
export function maintenanceUrl(url: string): { url: string; database: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.slice(1));
  parsed.pathname = '/postgres';
  return { url: parsed.toString(), database };
}
