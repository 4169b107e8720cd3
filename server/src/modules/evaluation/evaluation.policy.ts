import type { Viewer } from '../auth/viewer';
import { Role } from '../person/membership.entity';
import { type QuestionnaireEntity, QuestionnaireStatus, type RespondentGroup } from './evaluation.entity';

/** Who may run, answer and read an end-of-programme questionnaire. */
export const evaluationPolicy = {
  /** Programme managers of the organisation open and close questionnaires and read the results. */
  canManage: (viewer: Viewer, organisationId: string) => viewer.hasRole(organisationId, Role.PROGRAMME_MANAGER),

  /** Managers, and the programme's co-learners (group known), may see a questionnaire. */
  canSee: (viewer: Viewer, questionnaire: QuestionnaireEntity, group: RespondentGroup | null) =>
    evaluationPolicy.canManage(viewer, questionnaire.organisationId) || group !== null,

  /** A co-learner of the programme answers once, while it is open. */
  canRespond: (questionnaire: QuestionnaireEntity, group: RespondentGroup | null, hasResponded: boolean) =>
    questionnaire.status === QuestionnaireStatus.OPEN && group !== null && !hasResponded,
};
