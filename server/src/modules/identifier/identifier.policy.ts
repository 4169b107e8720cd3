import type { Viewer } from '../auth/viewer';
import { Role } from '../person/membership.entity';

/** Who may read and keep an organisation's list of identifiers. */
export const identifierPolicy = {
  /** Its members read the list: co-learners see what the assistant will flag in their case. */
  canSee: (viewer: Viewer, organisationId: string) => viewer.isMemberOf(organisationId),
  /** Its programme managers keep it. */
  canManage: (viewer: Viewer, organisationId: string) => viewer.hasRole(organisationId, Role.PROGRAMME_MANAGER),
};
