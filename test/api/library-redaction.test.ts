import { detectPersonalData, RedactionKind } from '../../server/src/modules/library/redaction';
import { Api, APPROVE, CONSENT, EDIT, libraryTestServer, RESOLVE } from '../helpers/library';

const context = {
  members: [
    { name: 'Sam Okonkwo', jobTitle: 'Clinical Director' },
    { name: 'Jo Bright', jobTitle: 'Staff Nurse' },
    { name: 'Olu Adeyemi', jobTitle: 'Director of People' },
  ],
  jobTitles: [
    { title: 'Clinical Director', holders: 1 },
    { title: 'Staff Nurse', holders: 40 },
    { title: 'Director of People', holders: 1 },
  ],
};

const found = (text: string) => detectPersonalData(text, context).map((f) => [f.kind, f.text]);

describe('the redaction assistant finds personal data in realistic text', () => {
  it('finds members\u2019 names, first names alone, titled names and common names, but not ordinary capitalised words', () => {
    const text =
      'At our March session Jo raised that Band 6 shortlisting on the Surgery wards is done by one person. Sam Okonkwo checked the figures ' +
      'with Dr Hamid and Ms Patel; Priya Sharma from HR confirmed them. The NHS Workforce Race Equality Standard shows the same.';
    expect(found(text)).toEqual([
      [RedactionKind.PERSON_NAME, 'Jo'],
      [RedactionKind.SMALL_NUMBER, 'one'],
      [RedactionKind.PERSON_NAME, 'Sam Okonkwo'],
      [RedactionKind.PERSON_NAME, 'Dr Hamid'],
      [RedactionKind.PERSON_NAME, 'Ms Patel'],
      [RedactionKind.PERSON_NAME, 'Priya Sharma'],
    ]);
  });

  it('finds email addresses and UK and international phone numbers, with extensions', () => {
    const text =
      'Questions to jo.bright@northshore.nhs.uk or recruitment-team@northshore.nhs.uk, on 07700 900123, 020 7946 0958, ' +
      '+44 (0)161 496 0000, +1 415 555 0132 or ext. 4412. The policy runs from 2025-04-01 and covers 1,200 staff.';
    expect(found(text)).toEqual([
      [RedactionKind.EMAIL, 'jo.bright@northshore.nhs.uk'],
      [RedactionKind.EMAIL, 'recruitment-team@northshore.nhs.uk'],
      [RedactionKind.PHONE, '07700 900123'],
      [RedactionKind.PHONE, '020 7946 0958'],
      [RedactionKind.PHONE, '+44 (0)161 496 0000'],
      [RedactionKind.PHONE, '+1 415 555 0132'],
      [RedactionKind.PHONE, 'ext. 4412'],
      // a date finer than a month is flagged too: the replacement keeps the month
      [RedactionKind.DATE, '2025-04-01'],
    ]);
  });

  it('finds job titles held by one person and counts of people under five, and proposes role-shaped replacements', () => {
    const text =
      'The Director of People agreed. Only 3 Black nurses and two disabled applicants were shortlisted in 2024; 45 staff took part over 12 months, ' +
      'and every Staff Nurse was asked. Each panel has at least one member from outside the ward.';
    const findings = detectPersonalData(text, context);
    expect(findings.map((f) => [f.kind, f.text, f.replacement])).toEqual([
      [RedactionKind.JOB_TITLE, 'Director of People', '[a senior leader]'],
      [RedactionKind.SMALL_NUMBER, '3', '[fewer than five]'],
      [RedactionKind.SMALL_NUMBER, 'two', '[fewer than five]'],
    ]);
    expect(detectPersonalData('Sam Okonkwo said so.', context)[0].replacement).toBe('[a senior clinician]');
  });

  it('never flags a placeholder it already put in', () => {
    expect(found('[a senior clinician] met [fewer than five] applicants; write to [email removed].')).toEqual([]);
  });
});

const t = libraryTestServer();

describe('redaction review', () => {
  const description =
    'Jo Bright noticed that Band 6 shortlisting on our surgical wards was done by the Clinical Director alone. Of 40 applicants last year, ' +
    'only 2 Black nurses were shortlisted. Contact jo.bright@northshore.nhs.uk or 07700 900123 for the data.';

  it("flags the organisation's members' names, emails, phones, a unique job title and small counts as soon as a case is requested", async () => {
    const team = await t.fx.team({ names: ['Sam Okonkwo', 'Jo Bright'] });
    const { barrier } = await t.fx.barrier(team, { description });
    const sharedCase = await t.fx.requestCase(t.api, team, barrier);
    expect(sharedCase.status).toBe('REDACTING');
    const summaryFlags = sharedCase.redactions.filter((r: { field: string }) => r.field === 'SUMMARY');
    expect(summaryFlags.map((r: { kind: string; found: string }) => [r.kind, r.found])).toEqual([
      ['PERSON_NAME', 'Jo Bright'],
      ['JOB_TITLE', 'Clinical Director'],
      ['SMALL_NUMBER', '2'],
      ['EMAIL', 'jo.bright@northshore.nhs.uk'],
      ['PHONE', '07700 900123'],
    ]);
    expect(summaryFlags[0].proposedReplacement).toBe('[a nurse]');
    expect(summaryFlags[0].context).toContain('Jo Bright noticed');
    expect(sharedCase.openRedactionCount).toBe(sharedCase.redactions.length);
  });

  it('accepts, edits and dismisses flags, rewriting the text, and never flags a dismissed find again', async () => {
    const team = await t.fx.team({ names: ['Sam Okonkwo', 'Jo Bright'] });
    const { barrier } = await t.fx.barrier(team, { description, changes: [{ whatChanges: 'A panel of three now shortlists; Grace from HR trains panels.' }] });
    let sharedCase = await t.fx.requestCase(t.api, team, barrier);
    const flag = (found: string) => sharedCase.redactions.find((r: { found: string; status: string }) => r.found === found && r.status === 'OPEN');

    let payload = await t.api.as(team.junior.token).mutation(RESOLVE, { redactionId: flag('Jo Bright').id, action: 'ACCEPT' });
    expect(payload.userErrors).toEqual([]);
    expect(payload.redaction).toMatchObject({ status: 'ACCEPTED', appliedReplacement: '[a nurse]' });
    sharedCase = payload.sharedCase;
    expect(sharedCase.summary.startsWith('[a nurse] noticed')).toBe(true);

    payload = await t.api.as(team.senior.token).mutation(RESOLVE, { redactionId: flag('Clinical Director').id, action: 'EDIT', replacement: 'one senior doctor' });
    sharedCase = payload.sharedCase;
    expect(sharedCase.summary).toContain('done by the one senior doctor alone');

    payload = await t.api.as(team.senior.token).mutation(RESOLVE, { redactionId: flag('Grace').id, action: 'DISMISS' });
    sharedCase = payload.sharedCase;
    expect(sharedCase.whatChanged).toContain('Grace from HR');

    // Editing the text re-runs detection: new personal data is flagged, the dismissed find is not.
    const edited = await t.api.as(team.junior.token).mutation(EDIT, {
      caseId: sharedCase.id,
      whatChanged: 'A panel of three now shortlists; Grace from HR trains panels. Ask sam.okonkwo@northshore.nhs.uk.',
    });
    expect(edited.userErrors).toEqual([]);
    const open = edited.sharedCase.redactions.filter((r: { status: string }) => r.status === 'OPEN').map((r: { found: string }) => r.found);
    expect(open).toContain('sam.okonkwo@northshore.nhs.uk');
    expect(open).not.toContain('Grace');
  });

  it('keeps a case from consent and publication while a flagged item is unresolved', async () => {
    const team = await t.fx.team({ names: ['Sam Okonkwo', 'Jo Bright'] });
    const { barrier } = await t.fx.barrier(team, { description });
    const sharedCase = await t.fx.requestCase(t.api, team, barrier);
    expect(sharedCase.viewerCanConsent).toBe(false);
    const consent = await t.api.as(team.junior.token).mutation(CONSENT, { caseId: sharedCase.id });
    expect(consent.userErrors.map((e: { code: string }) => e.code)).toEqual(['UNRESOLVED_REDACTIONS']);
    const approve = await t.api.as(team.manager.token).mutation(APPROVE, { caseId: sharedCase.id });
    expect(approve.userErrors.map((e: { code: string }) => e.code)).toEqual(['UNRESOLVED_REDACTIONS']);
  });

  it('lets only the authors resolve flags, and refuses EDIT without a replacement', async () => {
    const team = await t.fx.team({ names: ['Sam Okonkwo', 'Jo Bright'] });
    const { barrier } = await t.fx.barrier(team, { description });
    const sharedCase = await t.fx.requestCase(t.api, team, barrier);
    const redactionId = sharedCase.redactions[0].id;
    const byManager = await t.api.as(team.manager.token).request(RESOLVE, { input: { redactionId, action: 'ACCEPT' } });
    expect(Api.codes(byManager)).toEqual(['FORBIDDEN']);
    const noText = await t.api.as(team.junior.token).mutation(RESOLVE, { redactionId, action: 'EDIT' });
    expect(noText.userErrors).toEqual([{ field: ['input', 'replacement'], code: 'INVALID_INPUT', message: 'Give your replacement text.' }]);
    const outsider = await t.fx.team();
    const foreign = await t.api.as(outsider.junior.token).request(RESOLVE, { input: { redactionId, action: 'DISMISS' } });
    expect(Api.codes(foreign)).toEqual(['NOT_FOUND']);
  });
});
