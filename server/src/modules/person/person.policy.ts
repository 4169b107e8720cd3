import type { Viewer } from '../auth/viewer';
import type { MembershipEntity } from './membership.entity';
import { Role } from './membership.entity';

/** Who may see and manage people and memberships. */
export const identityPolicy = {
  /** Members of an organisation see its members; a platform admin sees them to grant managers. */
  canSeeMembersOf(viewer: Viewer, organisationId: string): boolean {
    return viewer.isPlatformAdmin || viewer.isMemberOf(organisationId);
  },

  /** A person is visible to themselves, to people who share an organisation with them, and to admins. */
  canSeePerson(viewer: Viewer, personId: string, theirMemberships: MembershipEntity[]): boolean {
    return (
      viewer.personId === personId ||
      viewer.isPlatformAdmin ||
      theirMemberships.some((m) => viewer.isMemberOf(m.organisationId))
    );
  },

  canInviteTo(viewer: Viewer, organisationId: string): boolean {
    return viewer.isPlatformAdmin || viewer.hasRole(organisationId, Role.PROGRAMME_MANAGER);
  },

  /**
   * Whether the viewer may invite `email` into an organisation with `roles`. Its programme managers
   * invite anyone with any roles. A platform admin only grants programme managers, and never to
   * themselves: joining an organisation would let an admin read its sessions, barriers and results.
   */
  canGrant(viewer: Viewer, organisationId: string | null, roles: Role[], email: string): boolean {
    if (organisationId && viewer.hasRole(organisationId, Role.PROGRAMME_MANAGER)) return true;
    return (
      viewer.isPlatformAdmin &&
      roles.every((role) => role === Role.PROGRAMME_MANAGER) &&
      email.trim().toLowerCase() !== viewer.person.email.trim().toLowerCase()
    );
  },

  /** Roles and removal are the organisation's own business: its programme managers', not a platform admin's. */
  canManageMembersOf(viewer: Viewer, organisationId: string): boolean {
    return viewer.hasRole(organisationId, Role.PROGRAMME_MANAGER);
  },

  /** The organisation's programme managers withdraw its invitations; a platform admin only the ones they issued. */
  canWithdraw(viewer: Viewer, invitation: { organisationId: string; invitedById: string | null }): boolean {
    return identityPolicy.canManageMembersOf(viewer, invitation.organisationId) || (viewer.isPlatformAdmin && invitation.invitedById === viewer.personId);
  },

  canCreateOrganisation(viewer: Viewer): boolean {
    return viewer.isPlatformAdmin;
  },
};
