import type { ChangeStage, ChangeStatus, LikertAnswer, QuestionnairePhase } from '../../gql/graphql';

/** The enum labels shared with the rest of the client, under this module's names. */
export { affectedGroupLabels as groupLabels, barrierCategoryLabels as categoryLabels } from '../../labels';

/** Words people read for the dashboard's codes (the funnel's come from the server with each bar). */
export const changeStageLabels: Record<ChangeStage, string> = {
  DRAFTING: 'Drafting',
  AWAITING_DECISION: 'Awaiting decision',
  AWAITING_START: 'Approved, not started',
  IN_PROGRESS: 'In progress',
  END_TO_END: 'End to end',
};

export const changeStatusLabels: Record<ChangeStatus, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  IN_PROGRESS: 'In progress',
  ADOPTION_REQUESTED: 'Adoption to confirm',
  ADOPTED: 'Adopted',
  WITHDRAWN: 'Withdrawn',
};

export const likertLabels: Record<LikertAnswer, string> = {
  STRONGLY_DISAGREE: 'Strongly disagree',
  DISAGREE: 'Disagree',
  NEUTRAL: 'Neither agree nor disagree',
  AGREE: 'Agree',
  STRONGLY_AGREE: 'Strongly agree',
};
export const likertScale = Object.keys(likertLabels) as LikertAnswer[];

/** "78%" from a share between 0 and 1; a dash when there is nothing to divide by. */
export const percent = (share: number | null | undefined) => (share == null ? '–' : `${Math.round(share * 100)}%`);

export const days = (value: number | null | undefined) => (value == null ? '–' : `${value} ${value === 1 ? 'day' : 'days'}`);

export const phaseLabels: Record<QuestionnairePhase, string> = {
  BASELINE: 'Baseline',
  MID_POINT: 'Mid-point',
  CLOSING: 'Closing',
};
export const phases = Object.keys(phaseLabels) as QuestionnairePhase[];
