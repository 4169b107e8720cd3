import { BarrierEntity } from '../../server/src/modules/barrier/barrier.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { Api } from '../helpers/api';
import { gid } from '../helpers/factories';
import { apiSuite } from '../helpers/suite';

const t = apiSuite();

const RAISE = `mutation ($input: RaiseBarrierInput!) { raiseBarrier(input: $input) { barrier { id attribution namingConsent } userErrors { field code message } } }`;
const ANSWER = `mutation ($input: AnswerBarrierNamingInput!) { answerBarrierNaming(input: $input) {
  barrier { id attribution namingConsent viewerCanAnswerNaming raisedBy { id } } userErrors { field code message } } }`;
const BARRIER = `query ($id: ID!) { node(id: $id) { ... on Barrier { attribution namingConsent viewerCanAnswerNaming raisedBy { id }
  history { kind actor { displayName } actorName } } } }`;
const BY_PAIR = `query ($pairId: ID!) { barriers(first: 10, filter: { pairId: $pairId }) { totalCount nodes { id } } }`;
const AWAITING = `{ barriers(first: 10, filter: { awaitingViewersNaming: true }) { totalCount nodes { id title } } }`;
const INBOX = `{ notifications(first: 5) { nodes { kind message actorName barrier { id } pair { id } } } }`;

const barrierInput = (pairId: string, attribution = 'NAMED') => ({
  pairId,
  title: 'Night rotas fall on the same nurses',
  description: 'Part-time nurses with caring duties are given most of the night shifts on the surgical wards.',
  category: 'CULTURE',
  affectedGroups: ['SEX'],
  attribution,
});

/** A pair whose senior (Sam Raiser) raises a barrier as named; the junior (Jo Partner) is asked. */
async function namedBarrier() {
  const organisation = await t.make.organisation();
  const senior = await t.make.person({ organisation, name: 'Sam Raiser' });
  const junior = await t.make.person({ organisation, name: 'Jo Partner' });
  const programme = await t.co.programme(organisation);
  const pair = await t.co.pair(programme, senior.person, junior.person);
  const pairId = gid('Pair', pair.id);
  const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
  const owner = await t.make.person({ organisation, roles: [Role.OWNER] });
  const other = await t.make.pair(organisation);
  const raised = await t.api.as(senior.token).mutation(RAISE, barrierInput(pairId));
  expect(raised.userErrors).toEqual([]);
  return { organisation, senior, junior, pair, pairId, manager, owner, other, id: raised.barrier.id as string, raised: raised.barrier };
}

describe('a barrier raised as named', () => {
  it('shows as anonymous to everyone but the pair until the other co-learner agrees', async () => {
    const s = await namedBarrier();
    expect(s.raised).toEqual({ id: s.id, attribution: 'ANONYMOUS', namingConsent: 'PENDING' });

    for (const outsider of [s.manager, s.owner, s.other.senior]) {
      const seen = (await t.api.as(outsider.token).ok(BARRIER, { id: s.id })).node;
      expect(seen).toEqual({
        attribution: 'ANONYMOUS',
        namingConsent: null,
        viewerCanAnswerNaming: false,
        raisedBy: null,
        history: [{ kind: 'BARRIER_RAISED', actor: null, actorName: 'A co-learning pair' }],
      });
      expect((await t.api.as(outsider.token).ok(BY_PAIR, { pairId: s.pairId })).barriers.totalCount).toBe(0);
    }
    const csv = await fetch(`${t.server.url}/exports/barriers.csv`, { headers: { authorization: `Bearer ${s.manager.token}` } });
    const body = await csv.text();
    expect(body).toContain('Night rotas fall on the same nurses');
    expect(body).not.toMatch(/Sam Raiser|Jo Partner/);

    const partner = (await t.api.as(s.junior.token).ok(BARRIER, { id: s.id })).node;
    expect(partner).toMatchObject({ attribution: 'ANONYMOUS', namingConsent: 'PENDING', viewerCanAnswerNaming: true, raisedBy: { id: s.pairId } });
    const raiser = (await t.api.as(s.senior.token).ok(BARRIER, { id: s.id })).node;
    expect(raiser).toMatchObject({ namingConsent: 'PENDING', viewerCanAnswerNaming: false });
  });

  it('asks the partner, through a notification and under "Needs your attention"', async () => {
    const s = await namedBarrier();
    expect((await t.api.as(s.junior.token).ok(INBOX)).notifications.nodes).toEqual([
      {
        kind: 'BARRIER_RAISED_FOR_PAIR',
        actorName: 'Sam Raiser',
        message: 'Sam Raiser raised “Night rotas fall on the same nurses” in your pair\'s name and asks to name you both: it shows as anonymous until you agree.',
        barrier: { id: s.id },
        pair: { id: s.pairId },
      },
    ]);
    expect((await t.api.as(s.senior.token).ok(INBOX)).notifications.nodes).toEqual([]);
    expect((await t.api.as(s.junior.token).ok(AWAITING)).barriers.nodes).toEqual([{ id: s.id, title: 'Night rotas fall on the same nurses' }]);
    expect((await t.api.as(s.senior.token).ok(AWAITING)).barriers.totalCount).toBe(0);
    expect((await t.api.as(s.manager.token).ok(AWAITING)).barriers.totalCount).toBe(0);
  });

  it('names the pair once the partner agrees, with the agreement in the history and the raiser told', async () => {
    const s = await namedBarrier();
    const agreed = await t.api.as(s.junior.token).mutation(ANSWER, { barrierId: s.id, answer: 'AGREE' });
    expect(agreed.userErrors).toEqual([]);
    expect(agreed.barrier).toMatchObject({ attribution: 'NAMED', namingConsent: 'AGREED', viewerCanAnswerNaming: false });
    const seen = (await t.api.as(s.owner.token).ok(BARRIER, { id: s.id })).node;
    expect(seen).toMatchObject({ attribution: 'NAMED', namingConsent: null, raisedBy: { id: s.pairId } });
    expect(seen.history.map((h: { kind: string; actorName: string }) => [h.kind, h.actorName])).toEqual([
      ['BARRIER_RAISED', 'Sam Raiser'],
      ['BARRIER_NAMED', 'Jo Partner'],
    ]);
    expect((await t.api.as(s.manager.token).ok(BY_PAIR, { pairId: s.pairId })).barriers.totalCount).toBe(1);
    const [notice] = (await t.api.as(s.senior.token).ok(INBOX)).notifications.nodes;
    expect(notice).toMatchObject({ kind: 'BARRIER_NAMING_ANSWERED', message: 'Jo Partner agreed to be named on “Night rotas fall on the same nurses”: it now names your pair.' });
  });

  it('stays anonymous when the partner declines, and nobody outside the pair learns they were asked', async () => {
    const s = await namedBarrier();
    const declined = await t.api.as(s.junior.token).mutation(ANSWER, { barrierId: s.id, answer: 'DECLINE' });
    expect(declined.barrier).toMatchObject({ attribution: 'ANONYMOUS', namingConsent: 'DECLINED', raisedBy: { id: s.pairId } });
    const seen = (await t.api.as(s.manager.token).ok(BARRIER, { id: s.id })).node;
    expect(seen).toMatchObject({ attribution: 'ANONYMOUS', namingConsent: null, raisedBy: null });
    expect(seen.history.map((h: { kind: string }) => h.kind)).toEqual(['BARRIER_RAISED']);
    const [notice] = (await t.api.as(s.senior.token).ok(INBOX)).notifications.nodes;
    expect(notice.message).toBe('Jo Partner asked to stay anonymous on “Night rotas fall on the same nurses”: it stays anonymous.');
    const again = await t.api.as(s.junior.token).mutation(ANSWER, { barrierId: s.id, answer: 'AGREE' });
    expect(again.userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);
    expect((await t.server.db.getRepository(BarrierEntity).findOneByOrFail({ pairId: s.pair.id })).attribution).toBe('ANONYMOUS');
  });

  it('is answered by the partner alone: not the raiser, the manager, another pair or another organisation', async () => {
    const s = await namedBarrier();
    expect(Api.codes(await t.api.as(s.senior.token).request(ANSWER, { input: { barrierId: s.id, answer: 'AGREE' } }))).toEqual(['FORBIDDEN']);
    expect(Api.codes(await t.api.as(s.manager.token).request(ANSWER, { input: { barrierId: s.id, answer: 'AGREE' } }))).toEqual(['FORBIDDEN']);
    expect(Api.codes(await t.api.as(s.other.junior.token).request(ANSWER, { input: { barrierId: s.id, answer: 'AGREE' } }))).toEqual(['FORBIDDEN']);
    const stranger = await t.make.person({ roles: [Role.CO_LEARNER] });
    expect(Api.codes(await t.api.as(stranger.token).request(ANSWER, { input: { barrierId: s.id, answer: 'AGREE' } }))).toEqual(['NOT_FOUND']);
    expect((await t.server.db.getRepository(BarrierEntity).findOneByOrFail({ pairId: s.pair.id })).attribution).toBe('ANONYMOUS');
  });

  it('tells the partner of an anonymous barrier too, without asking anything', async () => {
    const organisation = await t.make.organisation();
    const { junior, senior, id: pairId } = await t.make.pair(organisation);
    const raised = await t.api.as(junior.token).mutation(RAISE, barrierInput(pairId, 'ANONYMOUS'));
    expect(raised.barrier).toMatchObject({ attribution: 'ANONYMOUS', namingConsent: null });
    const [notice] = (await t.api.as(senior.token).ok(INBOX)).notifications.nodes;
    expect(notice).toMatchObject({ kind: 'BARRIER_RAISED_FOR_PAIR', message: 'Junior raised “Night rotas fall on the same nurses” anonymously in your pair\'s name.' });
    expect((await t.api.as(senior.token).ok(AWAITING)).barriers.totalCount).toBe(0);
  });
});
