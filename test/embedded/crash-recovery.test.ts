import { changeCounts, workflowViolations } from '../helpers/consistency';
import { freshDatabase, startServerProcess } from '../helpers/process';
import { demoWorkflow, fullFlow } from '../helpers/workflow-driver';

/**
 * Issue 9: `kill -9` at random moments while workflow transitions run. After each restart every
 * change's status equals the outcome of its last history event, and no decision, comment or event
 * is orphaned: each transition commits whole or not at all.
 */
const ROUNDS = 3;
const WORKERS = 4;
const OUTCOMES = ['APPROVE', 'REJECT', 'REQUEST_CHANGES'] as const;

describe('a server killed with SIGKILL during workflow transitions', () => {
  it('leaves consistent data behind, round after round', async () => {
    const url = await freshDatabase('crash');
    let seeded = false;
    for (let round = 0; round < ROUNDS; round++) {
      const server = await startServerProcess({ DATABASE_URL: url, SEED_DEMO: seeded ? 'false' : 'true' });
      seeded = true;
      const workflow = await demoWorkflow(server.url);
      let dead = false;
      const worker = async (w: number) => {
        for (let i = 0; !dead; i++) {
          try {
            await fullFlow(server.url, workflow, `Crash ${round}.${w}.${i}`, OUTCOMES[(round + w + i) % 3]);
          } catch (error) {
            if (!dead) throw error;
          }
        }
      };
      const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
      // A random moment, once transitions are well under way.
      await new Promise((r) => setTimeout(r, 2000 + Math.random() * 3000));
      dead = true;
      server.child.kill('SIGKILL');
      await server.exited;
      await Promise.all(workers);
      expect(await workflowViolations(url, 'Crash ')).toEqual([]);
    }
    // The next start after the last kill comes up and serves, and the data still holds.
    const after = await startServerProcess({ DATABASE_URL: url });
    await demoWorkflow(after.url);
    after.child.kill('SIGTERM');
    expect((await after.exited).code).toBe(0);
    expect(await workflowViolations(url, 'Crash ')).toEqual([]);
    // The kills came while changes were in every part of the workflow, not before it began.
    const counts = await changeCounts(url, 'Crash ');
    const decided = (counts.APPROVED ?? 0) + (counts.REJECTED ?? 0) + (counts.IN_PROGRESS ?? 0) + (counts.ADOPTION_REQUESTED ?? 0) + (counts.ADOPTED ?? 0) + (counts.DRAFT ?? 0);
    expect({ decided: decided > 0, total: Object.values(counts).reduce((x, y) => x + y, 0) >= ROUNDS * WORKERS }).toEqual({ decided: true, total: true });
  }, 240_000);
});
