import type { Viewer } from '../auth/viewer';
import { Role } from '../person/membership.entity';

/** Who may see and set an organisation's sign-in: its identity provider and its provisioning tokens. */
export const identityProviderPolicy = {
  /**
   * The organisation's programme managers, and a platform admin (who sets organisations up). Nobody
   * else: the settings say who may join, with which roles.
   */
  canConfigure(viewer: Viewer, organisationId: string): boolean {
    return viewer.isPlatformAdmin || viewer.hasRole(organisationId, Role.PROGRAMME_MANAGER);
  },
};
