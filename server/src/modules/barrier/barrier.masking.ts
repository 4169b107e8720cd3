import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { barrierPolicy } from './barrier.policy';

export const HIDDEN_PAIR_LABEL = 'A co-learning pair';

/**
 * Whether to hide `personId` as the author or actor of something on this barrier (or its
 * changes): true when the barrier is anonymous, the person is in the pair that raised it, and the
 * viewer is not. Used by history, comments and notifications alike.
 */
export async function hidesIdentity(ctx: Context, barrierId: string | null, personId: string): Promise<boolean> {
  if (!barrierId) return false;
  const barrier = await ctx.loaders.barrier.barrier.load(barrierId);
  if (!barrier) return false;
  const raisingPair = await ctx.loaders.pair.pair.load(barrier.pairId);
  return raisingPair ? barrierPolicy.hidesPerson(ctx.viewer as Viewer, barrier, raisingPair, personId) : false;
}
