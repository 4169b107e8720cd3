import type { Viewer } from '../auth/viewer';
import { Role } from '../person/membership.entity';
import type { GroupSessionEntity } from './group-session.entity';

/** Managers schedule; the manager or the facilitator runs; invitees see their session. */
export const groupSessionPolicy = {
  canSchedule: (viewer: Viewer, organisationId: string) => viewer.hasRole(organisationId, Role.PROGRAMME_MANAGER),
  canRun: (viewer: Viewer, session: GroupSessionEntity) =>
    viewer.hasRole(session.organisationId, Role.PROGRAMME_MANAGER) || (session.facilitatorId === viewer.personId && viewer.isMemberOf(session.organisationId)),
  canSee: (viewer: Viewer, session: GroupSessionEntity, invited: boolean) => groupSessionPolicy.canRun(viewer, session) || (invited && viewer.isMemberOf(session.organisationId)),
};
