import { CaseConsentEntity } from '../../server/src/modules/library/library.entity';
import { NotificationEntity } from '../../server/src/modules/notification/notification.entity';
import { Api, APPROVE, CONSENT, EDIT, libraryTestServer, RESOLVE, type Team } from '../helpers/library';

const t = libraryTestServer();

const REVIEW_FIELDS = `sharedCase { id status reviewNote viewerCanEdit viewerCanConsent viewerCanApprove viewerCanSendBack viewerCanDecline consents { senior junior complete } } userErrors { field message code }`;
const SEND_BACK = `mutation ($input: ReviewCaseInput!) { sendCaseBack(input: $input) { ${REVIEW_FIELDS} } }`;
const DECLINE = `mutation ($input: ReviewCaseInput!) { declineCase(input: $input) { ${REVIEW_FIELDS} } }`;
const READ = `query ($id: ID!) { node(id: $id) { ... on SharedCase { status reviewNote viewerCanSendBack viewerCanDecline summary } } }`;
const codes = (payload: { userErrors: { code: string }[] }) => payload.userErrors.map((e) => e.code);

/** A case with every flag accepted and both consents: it awaits a manager. */
async function awaitingApproval(team: Team) {
  const { barrier } = await t.fx.barrier(team);
  let sharedCase = await t.fx.requestCase(t.api, team, barrier);
  for (;;) {
    const open = sharedCase.redactions.find((r: { status: string }) => r.status === 'OPEN');
    if (!open) break;
    sharedCase = (await t.api.as(team.senior.token).mutation(RESOLVE, { redactionId: open.id, action: 'ACCEPT' })).sharedCase;
  }
  for (const person of [team.senior, team.junior]) expect((await t.api.as(person.token).mutation(CONSENT, { caseId: sharedCase.id })).userErrors).toEqual([]);
  expect(sharedCase.id).toBeTruthy();
  return sharedCase.id as string;
}

describe('the co-learners edit a case before they consent', () => {
  it('an edit after a consent asks both again', async () => {
    const team = await t.fx.team();
    const { barrier } = await t.fx.barrier(team);
    let sharedCase = await t.fx.requestCase(t.api, team, barrier);
    for (;;) {
      const open = sharedCase.redactions.find((r: { status: string }) => r.status === 'OPEN');
      if (!open) break;
      sharedCase = (await t.api.as(team.senior.token).mutation(RESOLVE, { redactionId: open.id, action: 'ACCEPT' })).sharedCase;
    }
    expect((await t.api.as(team.senior.token).mutation(CONSENT, { caseId: sharedCase.id })).sharedCase.consents).toEqual({ senior: true, junior: false, complete: false });
    const edited = await t.api.as(team.junior.token).mutation(EDIT, { caseId: sharedCase.id, summary: 'Shortlisting was done without structured criteria.' });
    expect(edited.userErrors).toEqual([]);
    expect(edited.sharedCase).toMatchObject({ summary: 'Shortlisting was done without structured criteria.', status: 'AWAITING_CONSENT', consents: { senior: false, junior: false, complete: false } });
    expect(await t.server.db.getRepository(CaseConsentEntity).countBy({ caseId: Buffer.from(sharedCase.id, 'base64url').toString().split(':')[1] })).toBe(0);
  });
});

describe('a programme manager reviews a case', () => {
  it('sends it back with a reason: the pair is told, edits it and consents again, then it can be approved', async () => {
    const team = await t.fx.team();
    const caseId = await awaitingApproval(team);
    const before = await t.api.as(team.manager.token).ok(READ, { id: caseId });
    expect(before.node).toMatchObject({ status: 'AWAITING_APPROVAL', viewerCanSendBack: true, viewerCanDecline: true });

    // Only a manager of the case's organisation; a reason is required.
    expect(Api.codes(await t.api.as(team.senior.token).request(SEND_BACK, { input: { caseId, reason: 'Please shorten it.' } }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.api.as(team.manager.token).mutation(SEND_BACK, { caseId, reason: '' }))).toEqual(['INVALID_INPUT']);
    const other = await t.fx.team();
    expect(Api.codes(await t.api.as(other.manager.token).request(SEND_BACK, { input: { caseId, reason: 'Not yours to judge.' } }))).toEqual(['NOT_FOUND']);

    const sent = await t.api.as(team.manager.token).mutation(SEND_BACK, { caseId, reason: 'Say which band the roles were, not the ward.' });
    expect(sent.userErrors).toEqual([]);
    expect(sent.sharedCase).toMatchObject({ status: 'SENT_BACK', reviewNote: 'Say which band the roles were, not the ward.', viewerCanApprove: false, consents: { complete: false } });
    const told = await t.server.db.getRepository(NotificationEntity).findBy({ kind: 'CASE_SENT_BACK' as never, sharedCaseId: Buffer.from(caseId, 'base64url').toString().split(':')[1] });
    expect(told.map((n) => n.recipientId).sort()).toEqual([team.senior.person.id, team.junior.person.id].sort());
    const NOTES = `{ notifications(first: 5) { nodes { kind message } } }`;
    const note = (await t.api.as(team.junior.token).ok(NOTES)).notifications.nodes.find((n: { kind: string }) => n.kind === 'CASE_SENT_BACK');
    expect(note.message).toContain('Say which band the roles were, not the ward.');
    // The reason is for the pair and its managers only.
    expect((await t.api.as(team.member.token).ok(READ, { id: caseId })).node).toBeNull();
    expect((await t.api.as(team.junior.token).ok(READ, { id: caseId })).node.reviewNote).toBe('Say which band the roles were, not the ward.');

    expect(codes(await t.api.as(team.manager.token).mutation(APPROVE, { caseId }))).toEqual(['CONSENT_MISSING']);
    const edited = await t.api.as(team.junior.token).mutation(EDIT, { caseId, summary: 'Shortlisting for band 6 roles was done without structured criteria.' });
    expect(edited.sharedCase.status).toBe('AWAITING_CONSENT');
    for (const person of [team.senior, team.junior]) await t.api.as(person.token).mutation(CONSENT, { caseId });
    const approved = await t.api.as(team.manager.token).mutation(APPROVE, { caseId });
    expect(approved.userErrors).toEqual([]);
    expect(approved.sharedCase.status).toBe('PUBLISHED');
    // A published case is unpublished, not sent back or declined.
    expect(codes(await t.api.as(team.manager.token).mutation(SEND_BACK, { caseId, reason: 'Too late.' }))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await t.api.as(team.manager.token).mutation(DECLINE, { caseId, reason: 'Too late.' }))).toEqual(['INVALID_TRANSITION']);
  });

  it('declines it with a reason: it is never published, edited or consented to again', async () => {
    const team = await t.fx.team();
    const caseId = await awaitingApproval(team);
    expect(Api.codes(await t.api.as(team.junior.token).request(DECLINE, { input: { caseId, reason: 'We changed our minds.' } }))).toEqual(['FORBIDDEN']);
    const declined = await t.api.as(team.manager.token).mutation(DECLINE, { caseId, reason: 'It would identify the only consultant in the team.' });
    expect(declined.userErrors).toEqual([]);
    expect(declined.sharedCase).toMatchObject({ status: 'DECLINED', reviewNote: 'It would identify the only consultant in the team.', viewerCanSendBack: false, viewerCanDecline: false });
    expect(await t.server.db.getRepository(NotificationEntity).countBy({ kind: 'CASE_DECLINED' as never, recipientId: team.senior.person.id })).toBe(1);

    expect(codes(await t.api.as(team.manager.token).mutation(APPROVE, { caseId }))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await t.api.as(team.junior.token).mutation(EDIT, { caseId, summary: 'Trying again.' }))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await t.api.as(team.senior.token).mutation(CONSENT, { caseId }))).toEqual(['INVALID_TRANSITION']);
    expect((await t.api.as(team.junior.token).ok(READ, { id: caseId })).node.status).toBe('DECLINED');
    expect(codes(await t.api.as(team.manager.token).mutation(DECLINE, { caseId, reason: 'Twice.' }))).toEqual(['INVALID_TRANSITION']);
  });
});
