import type { Viewer } from '../auth/viewer';
import { Role } from '../person/membership.entity';
import { type ProgrammeEntity, ProgrammeStatus } from './programme.entity';

/** Programmes are run by the organisation's programme managers and visible to its members. */
export const programmePolicy = {
  canSee: (viewer: Viewer, organisationId: string) => viewer.isMemberOf(organisationId),
  canManage: (viewer: Viewer, organisationId: string) => viewer.hasRole(organisationId, Role.PROGRAMME_MANAGER),
  /** Its name, description, dates and cadence can be corrected until it is closed. */
  canEdit: (viewer: Viewer, programme: ProgrammeEntity) =>
    programmePolicy.canManage(viewer, programme.organisationId) && programme.status !== ProgrammeStatus.CLOSED,
};
