import { registerEnumType } from 'type-graphql';
import { CaseOutcome, CaseTextField, RedactionStatus, SharedCaseStatus } from './library.entity';
import { RedactionKind } from './redaction';

/** The library's enums in the API (BarrierCategory, AffectedGroup and ChangeStatus are registered by their own domains). */
registerEnumType(SharedCaseStatus, {
  name: 'SharedCaseStatus',
  description: 'Where a case stands on its way to the community library.',
  valuesConfig: {
    REDACTING: { description: 'Personal data was flagged and is not yet resolved.' },
    AWAITING_CONSENT: { description: 'Both co-learners must consent to this text.' },
    AWAITING_APPROVAL: { description: 'Both consented; a programme manager must approve.' },
    PUBLISHED: { description: 'In the library, readable by the whole community.' },
    UNPUBLISHED: { description: 'Taken down by a manager, or because a co-learner withdrew consent.' },
    SENT_BACK: { description: 'A programme manager sent it back with a reason: the co-learners edit it and consent again.' },
    DECLINED: { description: 'A programme manager declined it, with a reason: it will not be published.' },
  },
});
registerEnumType(CaseOutcome, {
  name: 'CaseOutcome',
  description: 'How far the change behind a case got.',
  valuesConfig: {
    ADOPTED: { description: 'The change is in force.' },
    IN_PROGRESS: { description: 'Approved and being put in place.' },
    APPROVED: { description: 'Approved, not started yet.' },
    PROPOSED: { description: 'Proposed and awaiting a decision.' },
    NOT_ADOPTED: { description: 'Rejected; a case can still teach what did not work.' },
  },
});
registerEnumType(CaseTextField, { name: 'CaseTextField', description: 'A part of a case\'s text.' });
registerEnumType(RedactionKind, {
  name: 'RedactionKind',
  description: 'What kind of personal data the redaction assistant found.',
  valuesConfig: {
    PERSON_NAME: { description: "A person's name, a member's or anyone's." },
    EMAIL: { description: 'An email address.' },
    PHONE: { description: 'A phone number or extension.' },
    JOB_TITLE: { description: 'A job title that only one person holds.' },
    SMALL_NUMBER: { description: 'A count of people under five, which can single someone out.' },
    ORGANISATION: { description: "The organisation's name, or a short form or alias of it." },
    PLACE: { description: "One of the organisation's sites, wards or departments." },
    STAFF_NUMBER: { description: 'A staff, employee, payroll or assignment number.' },
    DATE: { description: 'A date finer than a month; the month is kept.' },
  },
});
registerEnumType(RedactionStatus, {
  name: 'RedactionStatus',
  description: 'What the authors did about a flagged item.',
  valuesConfig: {
    OPEN: { description: 'Not resolved yet: the case cannot be published.' },
    ACCEPTED: { description: 'The proposed replacement was put in the text.' },
    EDITED: { description: "The authors' own replacement was put in the text." },
    DISMISSED: { description: 'Not personal data: the text stays as it is.' },
  },
});
