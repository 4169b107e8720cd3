import type { Viewer } from '../auth/viewer';
import { Role } from '../person/membership.entity';

/** How much of an organisation's dashboard a viewer sees. */
export enum DashboardAccess {
  /** A programme manager: the whole organisation. */
  FULL = 'FULL',
  /** An owner: the funnel and overdue list of the changes they own. */
  OWN_CHANGES = 'OWN_CHANGES',
}

/** Who may see the programme insight of one organisation, and export its records. */
export const insightPolicy = {
  /** Managers see everything; owners their own changes; anyone else nothing (null). */
  dashboardAccess(viewer: Viewer, organisationId: string): DashboardAccess | null {
    if (viewer.hasRole(organisationId, Role.PROGRAMME_MANAGER)) return DashboardAccess.FULL;
    if (viewer.hasRole(organisationId, Role.OWNER)) return DashboardAccess.OWN_CHANGES;
    return null;
  },

  /** The changes export follows the dashboard: managers get all changes, owners the ones they own. */
  changesExportAccess(viewer: Viewer, organisationId: string): DashboardAccess | null {
    return insightPolicy.dashboardAccess(viewer, organisationId);
  },

  /** Barriers (with their raising pairs) are exported for programme managers only. */
  canExportBarriers(viewer: Viewer, organisationId: string): boolean {
    return viewer.hasRole(organisationId, Role.PROGRAMME_MANAGER);
  },
};
