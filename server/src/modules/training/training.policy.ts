import type { Viewer } from '../auth/viewer';
import { programmePolicy } from '../programme/programme.policy';

/** Training: people record their own completions; programme managers record anyone's and see everyone's. */
export const trainingPolicy = {
  canRecordFor: (viewer: Viewer, organisationId: string, personId: string) =>
    viewer.isMemberOf(organisationId) && (viewer.personId === personId || programmePolicy.canManage(viewer, organisationId)),
};
