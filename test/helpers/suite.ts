import { Api } from './api';
import { coLearning } from './co-learning';
import { factories } from './factories';
import { startTestServer, type TestServer } from './server';

/**
 * The shared set-up of an API suite: the real HTTP server on the test database, a client for it,
 * and the factories. Use as `const t = apiSuite();` then `t.api`, `t.make`, `t.server`, `t.co`.
 */
export function apiSuite() {
  let server: TestServer;
  let api: Api;
  let make: ReturnType<typeof factories>;
  let co: ReturnType<typeof coLearning>;

  beforeAll(async () => {
    server = await startTestServer();
    api = new Api(server.url);
    make = factories(server.db);
    co = coLearning(server.db);
  });
  afterAll(() => server.close());

  return {
    get server() {
      return server;
    },
    get api() {
      return api;
    },
    get make() {
      return make;
    },
    get co() {
      return co;
    },
  };
}
