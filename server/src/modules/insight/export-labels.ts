import type { AffectedGroup, Attribution, BarrierCategory, BarrierStatus } from '../barrier/barrier.entity';
import type { ChangeStatus } from '../change/change.entity';

/**
 * The words a person reads in an export for the codes stored in the database: a spreadsheet
 * shows "Pregnancy and maternity", never PREGNANCY_AND_MATERNITY. The same words as the client's
 * labels.ts, which the API's enums feed.
 */
export const affectedGroupLabel: Record<AffectedGroup, string> = {
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

export const barrierCategoryLabel: Record<BarrierCategory, string> = {
  RECRUITMENT: 'Recruitment',
  PROGRESSION: 'Progression',
  PAY: 'Pay',
  CULTURE: 'Culture',
  POLICY: 'Policy',
  ACCESS: 'Access',
  DATA: 'Data',
  OTHER: 'Other',
};

export const barrierStatusLabel: Record<BarrierStatus, string> = { OPEN: 'Open', ADDRESSED: 'Addressed', CLOSED: 'Closed' };

export const changeStatusLabel: Record<ChangeStatus, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Awaiting decision',
  APPROVED: 'Approved',
  IN_PROGRESS: 'In progress',
  ADOPTION_REQUESTED: 'Adoption awaiting confirmation',
  ADOPTED: 'Adopted',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
};

export const attributionLabel: Record<Attribution, string> = { NAMED: 'Named', ANONYMOUS: 'Anonymous' };

/** "Sex, Pregnancy and maternity": affected groups as a person reads them. */
export const affectedGroupsText = (groups: AffectedGroup[]) => groups.map((g) => affectedGroupLabel[g]).join(', ');
