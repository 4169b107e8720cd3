import type { Viewer } from '../auth/viewer';
import { Role } from '../person/membership.entity';
import { K_ANONYMITY } from '../../common/anonymity';
import { type GroupSessionEntity, type GroupSessionInviteeEntity, GroupSessionStatus } from './group-session.entity';

/** Managers schedule; the manager or the facilitator runs; invitees see their session. */
export const groupSessionPolicy = {
  canSchedule: (viewer: Viewer, organisationId: string) => viewer.hasRole(organisationId, Role.PROGRAMME_MANAGER),
  canRun: (viewer: Viewer, session: GroupSessionEntity) =>
    viewer.hasRole(session.organisationId, Role.PROGRAMME_MANAGER) || (session.facilitatorId === viewer.personId && viewer.isMemberOf(session.organisationId)),
  canSee: (viewer: Viewer, session: GroupSessionEntity, invited: boolean) => groupSessionPolicy.canRun(viewer, session) || (invited && viewer.isMemberOf(session.organisationId)),

  /**
   * A co-learner who came to a held session raises a barrier on behalf of its set, through the pair
   * they came with. The set must have had at least K pairs there: a barrier shown as a smaller set's
   * would narrow the anonymous raising pair down to fewer than K (see common/anonymity.ts).
   */
  canRaiseBarrierFor: (viewer: Viewer, session: GroupSessionEntity, ownLine: GroupSessionInviteeEntity | null, attendingPairs: number) =>
    session.status === GroupSessionStatus.HELD && ownLine?.attended === true && attendingPairs >= K_ANONYMITY && viewer.isMemberOf(session.organisationId),
};
