import type { AffectedGroup, BarrierCategory, ChangeStage, ChangeStatus, FunnelStage, LikertAnswer } from '../../gql/graphql';

/** Words people read for the dashboard's codes. */
export const funnelStageLabels: Record<FunnelStage, string> = {
  BARRIERS_RAISED: 'Barriers raised',
  CHANGES_PROPOSED: 'Changes proposed',
  SUBMITTED: 'Submitted',
  APPROVED: 'Approved',
  IN_PROGRESS: 'In progress',
  ADOPTED: 'Adopted',
};

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
  ADOPTED: 'Adopted',
  WITHDRAWN: 'Withdrawn',
};

export const categoryLabels: Record<BarrierCategory, string> = {
  RECRUITMENT: 'Recruitment',
  PROGRESSION: 'Progression',
  PAY: 'Pay',
  CULTURE: 'Culture',
  POLICY: 'Policy',
  ACCESS: 'Access',
  DATA: 'Data',
  OTHER: 'Other',
};

export const groupLabels: Record<AffectedGroup, string> = {
  AGE: 'Age',
  DISABILITY: 'Disability',
  GENDER_REASSIGNMENT: 'Gender reassignment',
  MARRIAGE_AND_CIVIL_PARTNERSHIP: 'Marriage and civil partnership',
  PREGNANCY_AND_MATERNITY: 'Pregnancy and maternity',
  RACE: 'Race',
  RELIGION_OR_BELIEF: 'Religion or belief',
  SEX: 'Sex',
  SEXUAL_ORIENTATION: 'Sexual orientation',
  SOCIO_ECONOMIC_BACKGROUND: 'Socio-economic background',
  OTHER: 'Other',
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
