/**
 * PostGraphile 5 over the benchmark database, in a child process of `npm run bench:board`:
 * the Amber preset, the public schema, no authentication, grafserv on node:http at 127.0.0.1:PORT.
 * Run with `node -r ./polyfill.js` on Node 20. Prints "listening <port>" once it answers.
 *
 * Two smart tags, and nothing else, let it ask what the board asks (the database is untouched):
 * - comment.change_id has no foreign key in our schema (a comment's subject is a barrier or a
 *   change), so PostGraphile sees no comments under a change; a declared foreign key gives it
 *   `commentsByChangeId { totalCount }`.
 * - PostGraphile offers orderBy only on indexed columns, and decision.created_at is not indexed
 *   (decision_change_idx is on change_id alone); `isIndexed` lets it order a change's decisions
 *   newest first, as our latestDecision does.
 */
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { jsonPgSmartTags } from 'postgraphile/utils';

const connectionString = process.env.DATABASE_URL!;
const port = Number(process.env.PORT ?? 0);

const BoardTags = jsonPgSmartTags({
  version: 1,
  config: {
    class: { comment: { tags: { foreignKey: '(change_id) references change_proposal' } } },
    attribute: { 'decision.created_at': { tags: { isIndexed: true } } },
  },
});

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  plugins: [BoardTags],
  pgServices: [makePgService({ connectionString, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
});
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
serv
  .addTo(server)
  .then(async () => {
    await pgl.getSchema();
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      console.log(`listening ${typeof address === 'object' && address ? address.port : port}`);
    });
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
process.on('SIGTERM', () => {
  server.close();
  void Promise.resolve(pgl.release()).finally(() => process.exit(0));
});
