import { APPROVE, CONSENT, libraryTestServer, RESOLVE, UNPUBLISH } from '../helpers/library';

const t = libraryTestServer();

const INBOX = `{ notifications { nodes { kind message sharedCase { id } } } }`;
const inbox = async (token: string) => (await t.api.as(token).ok(INBOX)).notifications.nodes as { kind: string; message: string; sharedCase: { id: string } | null }[];

describe('notifications about shared cases', () => {
  it('ask the other co-learner to consent, the managers to approve, and tell the pair when it is published or taken down', async () => {
    const team = await t.fx.team();
    const { barrier } = await t.fx.barrier(team, { description: 'Shortlisting is done by one manager with no criteria, and it shows in the figures.' });
    let drafted = await t.fx.requestCase(t.api, team, barrier);
    const id = drafted.id;
    for (const flag of drafted.redactions) {
      drafted = (await t.api.as(team.junior.token).mutation(RESOLVE, { redactionId: flag.id, action: 'ACCEPT' })).sharedCase;
    }
    expect(drafted.status).toBe('AWAITING_CONSENT');

    // The requester resolved the flags; the other co-learner is asked to read and consent.
    const asked = (await inbox(team.senior.token)).find((n) => n.kind === 'CASE_CONSENT_NEEDED');
    expect(asked).toMatchObject({ sharedCase: { id }, message: `The case “${drafted.title}” is ready for the library: read it and give your consent.` });
    expect((await inbox(team.manager.token)).filter((n) => n.kind.startsWith('CASE_'))).toEqual([]);

    await t.api.as(team.senior.token).mutation(CONSENT, { caseId: id });
    await t.api.as(team.junior.token).mutation(CONSENT, { caseId: id });
    expect((await inbox(team.manager.token)).map((n) => n.kind)).toContain('CASE_AWAITING_APPROVAL');

    await t.api.as(team.manager.token).mutation(APPROVE, { caseId: id });
    for (const member of [team.senior, team.junior]) expect((await inbox(member.token))[0]).toMatchObject({ kind: 'CASE_PUBLISHED', sharedCase: { id } });

    await t.api.as(team.manager.token).mutation(UNPUBLISH, { caseId: id, reason: 'A colleague recognised the ward.' });
    expect((await inbox(team.junior.token))[0].kind).toBe('CASE_UNPUBLISHED');
  });
});
