import type { AffectedGroup, BarrierCategory, CaseOutcome, ChangeStatus, RedactionKind, SharedCaseStatus } from '../../gql/graphql';

/** Words people read, for the library's codes. */
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

export const outcomeLabels: Record<CaseOutcome, string> = {
  ADOPTED: 'Adopted',
  IN_PROGRESS: 'In progress',
  APPROVED: 'Approved',
  PROPOSED: 'Proposed',
  NOT_ADOPTED: 'Not adopted',
};

export const caseStatusLabels: Record<SharedCaseStatus, string> = {
  REDACTING: 'Redaction review',
  AWAITING_CONSENT: 'Awaiting consent',
  AWAITING_APPROVAL: 'Awaiting approval',
  PUBLISHED: 'Published',
  UNPUBLISHED: 'Unpublished',
};

export const redactionKindLabels: Record<RedactionKind, string> = {
  PERSON_NAME: 'Name',
  EMAIL: 'Email address',
  PHONE: 'Phone number',
  JOB_TITLE: 'Job title held by one person',
  SMALL_NUMBER: 'Count under five',
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
