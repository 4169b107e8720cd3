import type { Logger } from './logger';

/**
 * The order in which a stopping server lets go of things. A closer names the stage it belongs
 * to, so a module that starts something (the HTTP server, a job queue, the database) registers how
 * to stop it and never has to know who else is running:
 *
 * - ACCEPT:  stop taking new work (close listening sockets) and finish what is in flight;
 * - WORK:    stop background workers (job queues, timers) once no request can start new work;
 * - STORAGE: close connection pools, then stop the embedded PostgreSQL, last of all.
 *
 * Within a stage, closers run in reverse order of registration (last started, first stopped).
 */
export enum ShutdownStage {
  ACCEPT = 1,
  WORK = 2,
  STORAGE = 3,
}

export interface Closer {
  name: string;
  stage: ShutdownStage;
  close(): Promise<void>;
}

/** How long the whole stop may take before the process gives up waiting and exits anyway. */
export const SHUTDOWN_DEADLINE_MS = 9_000;

export class Shutdown {
  private readonly closers: Closer[] = [];
  private running: Promise<boolean> | null = null;

  /** Adds a closer; returns a function that removes it again (for something stopped early). */
  register(name: string, stage: ShutdownStage, close: () => Promise<void>): () => void {
    const closer = { name, stage, close };
    this.closers.push(closer);
    return () => {
      const at = this.closers.indexOf(closer);
      if (at >= 0) this.closers.splice(at, 1);
    };
  }

  /** The closers in the order they run. */
  get order(): readonly Closer[] {
    return this.closers
      .map((closer, at) => ({ closer, at }))
      .sort((a, b) => a.closer.stage - b.closer.stage || b.at - a.at)
      .map(({ closer }) => closer);
  }

  get stopping(): boolean {
    return this.running !== null;
  }

  /**
   * Runs every closer once, in order; a closer that fails is logged and the rest still run.
   * Resolves true when all closed cleanly within the deadline. Calling it again returns the same run.
   */
  run(log: Logger, deadlineMs = SHUTDOWN_DEADLINE_MS): Promise<boolean> {
    this.running ??= this.runAll(log, deadlineMs);
    return this.running;
  }

  private async runAll(log: Logger, deadlineMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), deadlineMs);
      timer.unref();
    });
    const all = (async () => {
      let clean = true;
      for (const closer of this.order) {
        const started = Date.now();
        try {
          await closer.close();
          log.info('stopped', { part: closer.name, ms: Date.now() - started });
        } catch (error) {
          clean = false;
          log.error('did not stop cleanly', { part: closer.name, error: error instanceof Error ? error.message : String(error) });
        }
      }
      return clean;
    })();
    const clean = await Promise.race([all, deadline]);
    clearTimeout(timer);
    if (!clean) log.error('the stop was not clean or took too long', { deadlineMs });
    return clean;
  }
}

/**
 * The server process's closers. Whatever main() starts that must stop cleanly (HTTP, a job queue,
 * the database) registers here: `shutdown.register('jobs', ShutdownStage.WORK, () => boss.stop())`.
 * SIGTERM and SIGINT run them once (main.ts).
 */
export const shutdown = new Shutdown();
