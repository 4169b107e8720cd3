import type { Viewer } from '../auth/viewer';
import { type PairEntity, PairStatus } from '../pair/pair.entity';
import { pairPolicy } from '../pair/pair.policy';
import type { SessionBookingEntity } from './scheduling.entity';

/** Who may do what with a pair's bookings: the two co-learners alone; managers see only when. */
export const schedulingPolicy = {
  canSee: (viewer: Viewer, pair: PairEntity) => pairPolicy.isMember(viewer, pair),
  /** The date and time of the next session counts toward the pair's rhythm, which managers follow. */
  canSeeNextSessionTime: (viewer: Viewer, pair: PairEntity) => pairPolicy.canSeeSessions(viewer, pair),
  canPropose: (viewer: Viewer, pair: PairEntity) => pairPolicy.isMember(viewer, pair) && pair.status === PairStatus.ACTIVE,
  /** The partner of whoever proposed accepts. */
  canAccept: (viewer: Viewer, pair: PairEntity, booking: SessionBookingEntity) => pairPolicy.isMember(viewer, pair) && booking.proposedById !== viewer.personId,
  canChange: (viewer: Viewer, pair: PairEntity) => pairPolicy.isMember(viewer, pair),
};
