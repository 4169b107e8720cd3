import type { CaseOutcome, ChangeStatus, RedactionKind, SharedCaseStatus } from '../../gql/graphql';

/** The enum labels shared with the rest of the client, under this module's names. */
export { affectedGroupLabels as groupLabels, barrierCategoryLabels as categoryLabels } from '../../labels';

/** Words people read, for the library's codes. */
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
  SENT_BACK: 'Sent back',
  DECLINED: 'Declined',
};

export const redactionKindLabels: Record<RedactionKind, string> = {
  PERSON_NAME: 'Name',
  EMAIL: 'Email address',
  PHONE: 'Phone number',
  JOB_TITLE: 'Job title held by one person',
  SMALL_NUMBER: 'Count under five',
  ORGANISATION: 'Name of the organisation',
  PLACE: 'Site, ward or department',
  STAFF_NUMBER: 'Staff number',
  DATE: 'Exact date',
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
