import type { Viewer } from '../auth/viewer';
import { type ChangeEntity, ChangeStatus } from '../change/change.entity';
import type { SustainmentReviewEntity } from './sustainment.entity';

/** The review the owner records next: the earliest not yet recorded nor cancelled. */
export const openReviewOf = (reviews: SustainmentReviewEntity[]) =>
  [...reviews].sort((a, b) => a.months - b.months).find((r) => !r.recordedAt && !r.cancelledAt);

export const sustainmentPolicy = {
  /** The change's owner records its reviews: the person accountable for it staying in force. */
  mayRecord: (viewer: Viewer, change: ChangeEntity) => viewer.personId === change.ownerId && viewer.isMemberOf(change.organisationId),

  /** The viewerCanRecordReview hint: the owner, an adopted change, and a review open. */
  canRecord: (viewer: Viewer, change: ChangeEntity, reviews: SustainmentReviewEntity[]) =>
    sustainmentPolicy.mayRecord(viewer, change) && change.status === ChangeStatus.ADOPTED && openReviewOf(reviews) !== undefined,
};
