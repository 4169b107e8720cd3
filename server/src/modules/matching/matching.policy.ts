import type { Viewer } from '../auth/viewer';
import { Role } from '../person/membership.entity';
import type { MatchingProfileEntity } from './matching.entity';

/**
 * Who may do what with matching. A profile (topics, availability, hopes and any volunteered
 * characteristics) is read by its person and the programme's managers only; the assistant and its
 * proposals are the managers' alone.
 */
export const matchingPolicy = {
  canRunAssistant: (viewer: Viewer, organisationId: string) => viewer.hasRole(organisationId, Role.PROGRAMME_MANAGER),
  canReadProfile: (viewer: Viewer, profile: MatchingProfileEntity) =>
    viewer.personId === profile.personId || matchingPolicy.canRunAssistant(viewer, profile.organisationId),
  /** A co-learner of the organisation opts in to its programmes' matching. */
  canKeepProfile: (viewer: Viewer, organisationId: string) => viewer.hasRole(organisationId, Role.CO_LEARNER),
};
