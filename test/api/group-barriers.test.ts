import { Role } from '../../server/src/modules/person/membership.entity';
import { Api } from '../helpers/api';
import { gid } from '../helpers/factories';
import { apiSuite } from '../helpers/suite';

const t = apiSuite();

const SCHEDULE = `mutation ($input: ScheduleGroupSessionInput!) { scheduleGroupSession(input: $input) { groupSession { id } userErrors { code } } }`;
const ATTEND = `mutation ($input: RecordGroupAttendanceInput!) { recordGroupAttendance(input: $input) { groupSession { status } userErrors { code message } } }`;
const BARRIER = `id title attribution raisedBy { id } raisedByViewersPair raisedForSet { title kind } viewerCanCorroborate namingConsent corroboratingPairCount
  history { kind actor { id } actorName } comments { author { id } authorName }`;
const RAISE = `mutation ($input: RaiseBarrierInput!) { raiseBarrier(input: $input) { barrier { ${BARRIER} } userErrors { field code message } } }`;
const CORROBORATE = `mutation ($input: CorroborateBarrierInput!) { corroborateBarrier(input: $input) { barrier { corroboratingPairCount } userErrors { code message } } }`;
const SESSION = `query ($id: ID!) { node(id: $id) { ... on GroupSession { barrierRaisingPair { id } barriersRaised { id title raisedBy { id } raisedForSet { title } } } } }`;
const NODE = `query ($id: ID!) { node(id: $id) { ... on Barrier { ${BARRIER} } } }`;

const raiseInput = (pairId: string, groupSessionId?: string) => ({
  pairId,
  groupSessionId,
  title: 'Rota requests go unanswered',
  description: 'Across the set, flexible rota requests from part-time staff wait months for an answer.',
  category: 'POLICY',
  affectedGroups: ['SEX', 'PREGNANCY_AND_MATERNITY'],
  attribution: 'NAMED',
});

/** A programme of `pairs` active pairs and a held action-learning set that `attending` of them came to (both co-learners). */
async function heldSet(pairCount: number, attending: number) {
  const organisation = await t.make.organisation();
  const programme = await t.make.programme(organisation);
  const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
  const pairs: Awaited<ReturnType<typeof t.make.pair>>[] = [];
  for (let i = 0; i < pairCount; i++) pairs.push(await t.make.pair(organisation, { programme }));
  const scheduled = await t.api.as(manager.token).mutation(SCHEDULE, {
    programmeId: gid('Programme', programme.id),
    title: 'Action-learning set: flexible working',
    kind: 'ACTION_LEARNING_SET',
    start: '2027-04-06T13:00',
    pairIds: pairs.map((p) => p.id),
  });
  expect(scheduled.userErrors).toEqual([]);
  const sessionId: string = scheduled.groupSession.id;
  return {
    organisation,
    manager,
    pairs,
    sessionId,
    async hold() {
      await t.server.db.query(`UPDATE group_session SET starts_at = now() - interval '1 hour' WHERE id = $1`, [Buffer.from(sessionId, 'base64url').toString().split(':')[1]]);
      const came = pairs.slice(0, attending).flatMap((p) => [p.senior.globalId, p.junior.globalId]);
      const held = await t.api.as(manager.token).mutation(ATTEND, { groupSessionId: sessionId, attendeeIds: came });
      expect(held).toEqual({ groupSession: { status: 'HELD' }, userErrors: [] });
    },
  };
}

describe('a barrier raised on behalf of a group session set', () => {
  it('shows as the set’s to everyone outside the raising pair, is told to the set’s other pairs, and they corroborate it', async () => {
    const set = await heldSet(6, 5);
    const [raising, other, , , , absent] = set.pairs;

    // Not before the session was held.
    const early = await t.api.as(raising.senior.token).mutation(RAISE, raiseInput(raising.id, set.sessionId));
    expect(early.userErrors[0]).toMatchObject({ code: 'INVALID_TRANSITION', field: ['input', 'groupSessionId'] });
    await set.hold();

    // An invitee who did not come cannot raise for the set; nor can someone not invited (it does not exist for them).
    expect((await t.api.as(absent.senior.token).ok(SESSION, { id: set.sessionId })).node.barrierRaisingPair).toBeNull();
    expect(Api.codes(await t.api.as(absent.senior.token).request(RAISE, { input: raiseInput(absent.id, set.sessionId) }))).toEqual(['FORBIDDEN']);
    const outsider = await t.make.pair(set.organisation);
    expect(Api.codes(await t.api.as(outsider.junior.token).request(RAISE, { input: raiseInput(outsider.id, set.sessionId) }))).toEqual(['NOT_FOUND']);
    // Only through the pair they came with.
    expect(Api.codes(await t.api.as(raising.senior.token).request(RAISE, { input: raiseInput(other.id, set.sessionId) }))).toEqual(['FORBIDDEN']);
    const nothingWritten = await t.server.db.query(`SELECT count(*)::int AS n FROM barrier WHERE organisation_id = $1`, [set.organisation.id]);
    expect(nothingWritten[0].n).toBe(0);

    // An attendee raises it; asking for NAMED is ignored: the set speaks for it.
    expect((await t.api.as(raising.senior.token).ok(SESSION, { id: set.sessionId })).node.barrierRaisingPair).toEqual({ id: raising.id });
    const raised = await t.api.as(raising.senior.token).mutation(RAISE, raiseInput(raising.id, set.sessionId));
    expect(raised.userErrors).toEqual([]);
    const barrierId: string = raised.barrier.id;
    expect(raised.barrier).toMatchObject({
      attribution: 'ANONYMOUS',
      raisedBy: { id: raising.id },
      raisedByViewersPair: true,
      raisedForSet: { title: 'Action-learning set: flexible working', kind: 'ACTION_LEARNING_SET' },
      namingConsent: null,
      viewerCanCorroborate: false,
    });

    // The raiser comments; everyone else sees the set, never the pair or the person.
    await t.api.as(raising.senior.token).mutation(`mutation ($input: AddCommentInput!) { addComment(input: $input) { userErrors { code } } }`, { subjectId: barrierId, body: 'We saw this in three wards.' });
    const raiserIds = [raising.id, raising.senior.globalId, raising.junior.globalId];
    for (const viewer of [other.junior, absent.senior, outsider.senior, set.manager]) {
      const seen = (await t.api.as(viewer.token).ok(NODE, { id: barrierId })).node;
      expect(seen).toMatchObject({ attribution: 'ANONYMOUS', raisedBy: null, raisedByViewersPair: false, raisedForSet: { title: 'Action-learning set: flexible working' }, namingConsent: null });
      expect(seen.history.every((e: any) => e.actor === null && e.actorName === 'A co-learning pair')).toBe(true);
      expect(seen.comments).toEqual([{ author: null, authorName: 'A co-learning pair' }]);
      const listed = (await t.api.as(viewer.token).ok(`{ barriers(first: 20) { nodes { id raisedBy { id } raisedForSet { title } } } }`)).barriers.nodes;
      expect(listed).toEqual([{ id: barrierId, raisedBy: null, raisedForSet: { title: 'Action-learning set: flexible working' } }]);
      // Filtering by the raising pair does not find it.
      const byPair = await t.api.as(viewer.token).ok(`query ($p: ID!) { barriers(first: 5, filter: { pairId: $p }) { totalCount } }`, { p: raising.id });
      expect(byPair.barriers.totalCount).toBe(0);
      const fromSession = await t.api.as(viewer.token).request(SESSION, { id: set.sessionId });
      if (fromSession.data?.node) expect(fromSession.data.node.barriersRaised).toEqual([{ id: barrierId, title: 'Rota requests go unanswered', raisedBy: null, raisedForSet: { title: 'Action-learning set: flexible working' } }]);
      expect(JSON.stringify(seen) + JSON.stringify(listed)).not.toMatch(new RegExp(raiserIds.join('|')));
    }

    // The set's other pairs (attending or not) are told, without who; the raising pair's partner hears as before; the outsider hears nothing.
    const NOTES = `{ notifications(first: 10) { nodes { kind actorName message pair { id } barrier { id raisedBy { id } } } } }`;
    for (const person of [other.senior, other.junior, absent.junior]) {
      const notes = (await t.api.as(person.token).ok(NOTES)).notifications.nodes.filter((n: any) => n.kind === 'BARRIER_RAISED_FOR_SET');
      expect(notes).toEqual([{ kind: 'BARRIER_RAISED_FOR_SET', actorName: 'A co-learning pair', message: expect.stringContaining('raised on behalf of a group session you were in'), pair: null, barrier: { id: barrierId, raisedBy: null } }]);
    }
    const raisedKinds = async (token: string) =>
      (await t.api.as(token).ok(NOTES)).notifications.nodes.map((n: any) => n.kind).filter((k: string) => k.startsWith('BARRIER_RAISED'));
    expect(await raisedKinds(raising.junior.token)).toEqual(['BARRIER_RAISED_FOR_PAIR']);
    expect(await raisedKinds(outsider.senior.token)).toEqual([]);
    const mails = await t.server.db.query(`SELECT m.content->>'paragraphs' AS said FROM mail_message m JOIN membership ms ON ms.person_id = m.recipient_id AND ms.organisation_id = $1 WHERE m.kind = 'BARRIER_RAISED_FOR_SET'`, [set.organisation.id]);
    for (const m of mails) expect(m.said).not.toMatch(/Senior|Junior/);

    // The set's other pairs corroborate through the usual rules; the raising pair cannot.
    expect((await t.api.as(other.senior.token).ok(NODE, { id: barrierId })).node.viewerCanCorroborate).toBe(true);
    expect((await t.api.as(other.senior.token).mutation(CORROBORATE, { barrierId, note: 'Same in our ward.' })).userErrors).toEqual([]);
    const own = await t.api.as(raising.junior.token).mutation(CORROBORATE, { barrierId });
    expect(own.userErrors[0].code).toBe('INVALID_INPUT');
    expect((await t.api.as(absent.junior.token).mutation(CORROBORATE, { barrierId })).barrier.corroboratingPairCount).toBe(2);

    // The naming ask never applies: nobody can make it NAMED.
    const answer = await t.api.as(raising.junior.token).request(`mutation ($input: AnswerBarrierNamingInput!) { answerBarrierNaming(input: $input) { userErrors { code } } }`, { input: { barrierId, answer: 'AGREE' } });
    expect(Api.codes(answer)).toEqual(['FORBIDDEN']);

    // The manager's CSV export hides the pair and the person.
    const csv = await fetch(`${t.server.url}/exports/barriers.csv?organisationId=${gid('Organisation', set.organisation.id)}`, { headers: { authorization: `Bearer ${set.manager.token}` } });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('The set “Action-learning set: flexible working”');
    expect(text).not.toContain('Senior');
    expect(text).not.toContain('Junior');
  });

  it('is refused for a set of fewer than five pairs, which would narrow the raising pair down', async () => {
    const set = await heldSet(4, 4);
    await set.hold();
    const [raising] = set.pairs;
    expect((await t.api.as(raising.senior.token).ok(SESSION, { id: set.sessionId })).node.barrierRaisingPair).toBeNull();
    const refused = await t.api.as(raising.senior.token).mutation(RAISE, raiseInput(raising.id, set.sessionId));
    expect(refused.userErrors).toEqual([{ field: ['input', 'groupSessionId'], code: 'INVALID_INPUT', message: expect.stringContaining('fewer than 5 pairs') }]);
    // Raising it for the pair itself still works.
    expect((await t.api.as(raising.senior.token).mutation(RAISE, raiseInput(raising.id))).barrier).toMatchObject({ raisedForSet: null, namingConsent: 'PENDING' });
  });
});
