/**
 * The raw floor, in a child process of `npm run bench:board`: node:http and a `pg` pool of 10
 * (as our server and PostGraphile have), one SQL statement per request (raw-sql.ts). POST /board
 * with {"organisationId", "first"} or {"id"}; no GraphQL, no authentication. Prints "listening <port>".
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';
import { RAW_BOARD_SQL, RAW_NODE_SQL } from './raw-sql';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const fail = (status: number, message: string) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message }] }));
    };
    let args: { organisationId?: string; first?: number; id?: string };
    try {
      args = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return fail(400, 'The body is not JSON.');
    }
    const query = args.id ? pool.query(RAW_NODE_SQL, [args.id]) : pool.query(RAW_BOARD_SQL, [args.organisationId, Math.min(100, Number(args.first) || 10)]);
    query.then(
      (result) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(result.rows[0].body);
      },
      (error: Error) => fail(500, error.message),
    );
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
});
