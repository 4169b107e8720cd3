import { ChangeEntity, ChangeStatus } from '../../server/src/modules/change/change.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { changeScenario } from '../helpers/change-setup';
import { gid } from '../helpers/factories';
import { apiSuite } from '../helpers/suite';

const t = apiSuite();

const LOG = `mutation ($input: LogSessionInput!) { logSession(input: $input) { userErrors { code } } }`;
const COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { userErrors { code } } }`;

const download = (token?: string) => fetch(`${t.server.url}/exports/my-data.json`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('downloading my data', () => {
  it("gives a co-learner their pair, sessions with the pair's private notes, barriers, changes and comments, and nobody else's", async () => {
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const logged = await t.api.as(s.senior.token).mutation(LOG, {
      pairId: gid('Pair', s.pair.id), heldOn: yesterday, topics: ['Flexible rotas'], privateNotes: 'Jo told me about the night-shift rota; keep this between us.',
    });
    expect(logged.userErrors).toEqual([]);
    await t.api.as(s.junior.token).mutation(COMMENT, { subjectId: s.id, body: 'We can share the attrition figures next week.' });
    // Another pair in the same organisation, with its own private notes.
    const other = await t.make.pair(s.organisation);
    await t.api.as(other.senior.token).mutation(LOG, { pairId: other.id, heldOn: yesterday, topics: ['Promotion'], privateNotes: 'Not for the other pair.' });

    const response = await download(s.junior.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="common-ground-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const data = await response.json();

    expect(data.person).toMatchObject({ displayName: 'Junior', email: s.junior.person.email });
    expect(data.memberships).toEqual([expect.objectContaining({ organisation: s.organisation.name, roles: ['CO_LEARNER'] })]);
    expect(data.pairs).toHaveLength(1);
    expect(data.pairs[0]).toMatchObject({ you: 'junior', partner: 'Senior', status: 'ACTIVE' });
    expect(data.pairs[0].sessions).toEqual([
      { heldOn: yesterday, topics: ['Flexible rotas'], privateNotes: 'Jo told me about the night-shift rota; keep this between us.', sharedTakeaways: null, loggedBy: 'Senior' },
    ]);
    expect(data.barriersRaisedByYourPairs.map((b: { title: string }) => b.title)).toEqual([s.barrier.title]);
    expect(data.changesProposedByYourPairs).toEqual([expect.objectContaining({ title: s.change.title, owner: 'Olu Owner', status: 'SUBMITTED' })]);
    expect(data.commentsYouWrote).toEqual([expect.objectContaining({ on: { change: s.change.title }, body: 'We can share the attrition figures next week.' })]);
    expect(data.signInSessions.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(data)).not.toContain('Not for the other pair.');
    expect(JSON.stringify(data)).not.toMatch(/token|password/i);
  });

  it("gives an owner the changes they own and the decisions they made, and a removed member nothing of that organisation", async () => {
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    const decided = await t.api.as(s.owner.token).mutation(
      `mutation ($input: DecideChangeInput!) { decideChange(input: $input) { userErrors { code } } }`,
      { changeId: s.id, expectedVersion: s.change.version, outcome: 'APPROVE', rationale: 'Cheap, quick, and the figures are clear.' },
    );
    expect(decided.userErrors).toEqual([]);
    const data = await (await download(s.owner.token)).json();
    expect(data.changesYouOwn).toEqual([expect.objectContaining({ title: s.change.title, barrier: s.barrier.title, status: 'APPROVED' })]);
    expect(data.decisionsYouMade).toEqual([expect.objectContaining({ change: s.change.title, outcome: 'APPROVE', rationale: 'Cheap, quick, and the figures are clear.' })]);
    expect(data.pairs).toEqual([]);

    const manager = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
    await t.server.db.getRepository(ChangeEntity).update({ id: s.change.id }, { status: ChangeStatus.ADOPTED });
    const removed = await t.api.as(manager.token).mutation(`mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { userErrors { code } } }`, {
      membershipId: gid('Membership', s.owner.membership!.id),
    });
    expect(removed.userErrors).toEqual([]);
    const after = await (await download(s.owner.token)).json();
    expect(after).toMatchObject({ memberships: [], changesYouOwn: [], decisionsYouMade: [], notificationsYouReceived: [] });
    expect(after.person.email).toBe(s.owner.person.email);
  });

  it('works for someone with no organisation at all (a platform admin)', async () => {
    const admin = await t.make.admin();
    const response = await download(admin.token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ person: { isPlatformAdmin: true }, memberships: [], pairs: [], changesYouOwn: [], commentsYouWrote: [] });
  });

  it('needs a signed-in person', async () => {
    const response = await download();
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to download your data.' } });
  });
});
