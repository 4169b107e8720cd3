import { Shutdown, ShutdownStage } from '../../server/src/common/shutdown';
import { createLogger } from '../../server/src/common/logger';

/** The ordered list of closers that main.ts runs on SIGTERM/SIGINT, and that other modules register with. */
describe('shutdown closers', () => {
  const log = createLogger('silent');

  it('runs by stage (accept, work, storage), last registered first within a stage, each once', async () => {
    const shutdown = new Shutdown();
    const ran: string[] = [];
    const closer = (name: string) => async () => void ran.push(name);
    shutdown.register('database', ShutdownStage.STORAGE, closer('database'));
    shutdown.register('http', ShutdownStage.ACCEPT, closer('http'));
    shutdown.register('jobs', ShutdownStage.WORK, closer('jobs'));
    shutdown.register('mail', ShutdownStage.WORK, closer('mail'));
    const [first, second] = await Promise.all([shutdown.run(log), shutdown.run(log)]);
    expect([first, second]).toEqual([true, true]);
    expect(ran).toEqual(['http', 'mail', 'jobs', 'database']);
  });

  it('goes on past a closer that fails, and reports the stop as not clean', async () => {
    const shutdown = new Shutdown();
    const ran: string[] = [];
    shutdown.register('database', ShutdownStage.STORAGE, async () => void ran.push('database'));
    shutdown.register('jobs', ShutdownStage.WORK, async () => {
      throw new Error('queue would not stop');
    });
    expect(await shutdown.run(log)).toBe(false);
    expect(ran).toEqual(['database']);
  });

  it('gives up waiting at the deadline', async () => {
    const shutdown = new Shutdown();
    shutdown.register('stuck', ShutdownStage.WORK, () => new Promise<void>(() => undefined));
    const started = Date.now();
    expect(await shutdown.run(log, 200)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('forgets a closer that is removed', async () => {
    const shutdown = new Shutdown();
    const ran: string[] = [];
    const remove = shutdown.register('timer', ShutdownStage.WORK, async () => void ran.push('timer'));
    remove();
    await shutdown.run(log);
    expect(ran).toEqual([]);
  });
});
