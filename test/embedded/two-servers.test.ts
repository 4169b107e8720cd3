import { Client } from 'pg';
import { freshDatabase, startServerProcess, type ServerProcess } from '../helpers/process';
import { demoWorkflow, gql, M, submittedChange } from '../helpers/workflow-driver';
import { fromGlobalId } from '../../server/src/common/relay';

/**
 * Issue 9: two server processes on one database (as behind a load balancer). Conflicting decisions
 * on one change, sent to both at once, give exactly one transition and one history row.
 */
const CHANGES = 12;

describe('two server processes on one database', () => {
  let url: string;
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    url = await freshDatabase('two');
    a = await startServerProcess({ DATABASE_URL: url, SEED_DEMO: 'true' });
    b = await startServerProcess({ DATABASE_URL: url, SEED_DEMO: 'false' });
  }, 120_000);
  afterAll(async () => {
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    await Promise.all([a.exited, b.exited]);
  });

  it('decide each change once when the owner approves on one and rejects on the other at the same moment', async () => {
    const workflow = await demoWorkflow(a.url);
    const changes = [];
    for (let i = 0; i < CHANGES; i++) changes.push(await submittedChange(i % 2 ? a.url : b.url, workflow, `Race ${i}`));

    const results = await Promise.all(
      changes.map(async (change) => {
        const decide = (server: ServerProcess, outcome: string) =>
          gql(server.url, M.decide, { input: { changeId: change.id, expectedVersion: change.version, outcome, rationale: `Decided ${outcome} on one server.` } }, workflow.ownerToken);
        const [approve, reject] = await Promise.all([decide(a, 'APPROVE'), decide(b, 'REJECT')]);
        return { change, approve, reject };
      }),
    );

    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      for (const { change, approve, reject } of results) {
        const winners = [approve, reject].filter((p) => p.userErrors.length === 0);
        expect(winners).toHaveLength(1);
        const loser = [approve, reject].find((p) => p.userErrors.length > 0);
        expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(loser.userErrors[0].code);
        const id = fromGlobalId(change.id).id;
        const { rows: decisions } = await client.query(`SELECT outcome FROM decision WHERE change_id = $1`, [id]);
        const { rows: events } = await client.query(`SELECT to_status FROM event WHERE change_id = $1 AND kind = 'CHANGE_DECIDED'`, [id]);
        const { rows: [row] } = await client.query(`SELECT status FROM change_proposal WHERE id = $1`, [id]);
        expect(decisions).toHaveLength(1);
        expect(events).toHaveLength(1);
        expect(row.status).toBe(winners[0].change.status);
        expect(events[0].to_status).toBe(row.status);
      }
    } finally {
      await client.end();
    }
  }, 120_000);
});
