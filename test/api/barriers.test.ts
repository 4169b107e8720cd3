import { apiSuite } from '../helpers/suite';
import { Api } from '../helpers/api';
import { gid } from '../helpers/factories';
import { Role } from '../../server/src/modules/person/membership.entity';
import { PairStatus } from '../../server/src/modules/pair/pair.entity';
import { Attribution, BarrierCategory, BarrierEntity, AffectedGroup } from '../../server/src/modules/barrier/barrier.entity';

const t = apiSuite();

const RAISE = `mutation ($input: RaiseBarrierInput!) { raiseBarrier(input: $input) {
  barrier { id title category affectedGroups attribution status evidence { kind text url value unit } raisedBy { id } raisedByViewersPair history { kind actorName } }
  userErrors { field code message } } }`;
const CORROBORATE = `mutation ($input: CorroborateBarrierInput!) { corroborateBarrier(input: $input) {
  barrier { corroboratingPairCount corroboratingDivisionCount corroboratingDivisions } userErrors { field code message } } }`;
const BARRIER = `query ($id: ID!) { node(id: $id) { ... on Barrier { id title raisedBy { id } raisedByViewersPair history { kind actor { displayName } actorName }
  viewerCanCorroborate viewerCanProposeChange corroborations { note divisions evidence { text } } } } }`;

const barrierInput = (pairId: string, overrides: Record<string, unknown> = {}) => ({
  pairId,
  title: 'Promotion panels are all-white',
  description: 'Every band 7 promotion panel this year had no ethnic-minority member, and candidates notice.',
  category: 'PROGRESSION',
  affectedGroups: ['RACE'],
  evidence: [
    { kind: 'FIGURE', text: 'Panels with an ethnic-minority member', value: 0, unit: '%' },
    { kind: 'LINK', text: 'Workforce race equality report', url: 'https://example.org/wres-2026.pdf' },
  ],
  ...overrides,
});

describe('raiseBarrier', () => {
  it('lets a co-learner raise a barrier for their active pair, with evidence and history', async () => {
    const organisation = await t.make.organisation();
    const { junior, id: pairId } = await t.make.pair(organisation);
    const payload = await t.api.as(junior.token).mutation(RAISE, barrierInput(pairId));
    expect(payload.userErrors).toEqual([]);
    expect(payload.barrier).toMatchObject({
      title: 'Promotion panels are all-white',
      category: 'PROGRESSION',
      affectedGroups: ['RACE'],
      // Named asks the senior co-learner first (see naming-consent.test.ts): anonymous until they agree.
      attribution: 'ANONYMOUS',
      status: 'OPEN',
      raisedBy: { id: pairId },
      raisedByViewersPair: true,
      history: [{ kind: 'BARRIER_RAISED', actorName: 'Junior' }],
    });
    expect(payload.barrier.evidence[1]).toEqual({ kind: 'LINK', text: 'Workforce race equality report', url: 'https://example.org/wres-2026.pdf', value: null, unit: null });
  });

  it('refuses others, inactive pairs and bad evidence, writing nothing', async () => {
    const organisation = await t.make.organisation();
    const { id: pairId } = await t.make.pair(organisation);
    const outsider = await t.make.person({ organisation, roles: [Role.CO_LEARNER] });
    expect(Api.codes(await t.api.as(outsider.token).request(RAISE, { input: barrierInput(pairId) }))).toEqual(['FORBIDDEN']);
    const owner = await t.make.person({ organisation, roles: [Role.OWNER] });
    expect(Api.codes(await t.api.as(owner.token).request(RAISE, { input: barrierInput(pairId) }))).toEqual(['FORBIDDEN']);

    const proposed = await t.make.pair(organisation, { status: PairStatus.PROPOSED });
    const early = await t.api.as(proposed.senior.token).mutation(RAISE, barrierInput(proposed.id));
    expect(early.userErrors[0].code).toBe('INVALID_TRANSITION');

    const active = await t.make.pair(organisation);
    const bad = await t.api.as(active.senior.token).mutation(RAISE, barrierInput(active.id, { evidence: [{ kind: 'LINK', text: 'A link', url: 'not a url' }], affectedGroups: [] }));
    expect(bad.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([
      ['input.affectedGroups', 'INVALID_INPUT'],
      ['input.evidence.0.url', 'INVALID_INPUT'],
    ]);
    expect(await t.server.db.getRepository(BarrierEntity).countBy({ organisationId: organisation.id })).toBe(0);
  });
});

describe('anonymous attribution', () => {
  it('hides which pair raised it from everyone but that pair', async () => {
    const organisation = await t.make.organisation();
    const raising = await t.make.pair(organisation);
    const created = await t.api.as(raising.junior.token).mutation(RAISE, barrierInput(raising.id, { attribution: 'ANONYMOUS' }));
    const id = created.barrier.id;
    expect(created.barrier.raisedBy).toEqual({ id: raising.id });

    const owner = await t.make.person({ organisation, roles: [Role.OWNER] });
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const other = await t.make.pair(organisation);
    for (const viewer of [owner, manager, other.senior]) {
      const data = await t.api.as(viewer.token).ok(BARRIER, { id });
      expect(data.node).toMatchObject({ raisedBy: null, raisedByViewersPair: false, history: [{ kind: 'BARRIER_RAISED', actor: null, actorName: 'A co-learning pair' }] });
      const byPair = await t.api.as(viewer.token).ok(`query ($p: ID!) { barriers(filter: { pairId: $p }) { totalCount } }`, { p: raising.id });
      expect(byPair.barriers.totalCount).toBe(0);
    }
    const asSenior = await t.api.as(raising.senior.token).ok(BARRIER, { id });
    expect(asSenior.node).toMatchObject({ raisedBy: { id: raising.id }, raisedByViewersPair: true, history: [{ actor: { displayName: 'Junior' } }] });
  });
});

describe('corroborateBarrier', () => {
  it('lets other pairs say "we see this too" once each, counting pairs and divisions', async () => {
    const organisation = await t.make.organisation();
    const raising = await t.make.pair(organisation, { seniorDivision: 'Surgery', juniorDivision: 'Surgery' });
    const barrier = await t.make.barrier(raising.pair);
    const id = gid('Barrier', barrier.id);
    const estates = await t.make.pair(organisation, { seniorDivision: 'Estates', juniorDivision: 'Estates' });
    const maternity = await t.make.pair(organisation, { seniorDivision: 'Maternity', juniorDivision: 'Estates' });

    expect((await t.api.as(estates.senior.token).ok(BARRIER, { id })).node.viewerCanCorroborate).toBe(true);
    const first = await t.api.as(estates.senior.token).mutation(CORROBORATE, { barrierId: id, note: 'Same in Estates.', evidence: [{ kind: 'TEXT', text: 'Our last three panels too.' }] });
    expect(first.userErrors).toEqual([]);
    expect(first.barrier).toEqual({ corroboratingPairCount: 1, corroboratingDivisionCount: 1, corroboratingDivisions: ['Estates'] });
    const second = await t.api.as(maternity.junior.token).mutation(CORROBORATE, { barrierId: id });
    expect(second.barrier).toEqual({ corroboratingPairCount: 2, corroboratingDivisionCount: 2, corroboratingDivisions: ['Estates', 'Maternity'] });

    const again = await t.api.as(estates.junior.token).mutation(CORROBORATE, { barrierId: id });
    expect(again.userErrors[0].code).toBe('ALREADY_EXISTS');
    expect((await t.api.as(estates.junior.token).ok(BARRIER, { id })).node.viewerCanCorroborate).toBe(false);
    const own = await t.api.as(raising.senior.token).mutation(CORROBORATE, { barrierId: id });
    expect(own.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'pairId'] });
    const elsewhere = await t.make.pair(await t.make.organisation());
    expect(Api.codes(await t.api.as(elsewhere.senior.token).request(CORROBORATE, { input: { barrierId: id } }))).toEqual(['NOT_FOUND']);

    const detail = await t.api.as(raising.senior.token).ok(BARRIER, { id });
    expect(detail.node.history.map((e: { kind: string }) => e.kind)).toEqual(['BARRIER_CORROBORATED', 'BARRIER_CORROBORATED']);
    expect(detail.node.corroborations[0]).toEqual({ note: 'Same in Estates.', divisions: ['Estates'], evidence: [{ text: 'Our last three panels too.' }] });
  });
});

describe('barriers list', () => {
  it('filters by status, category, affected group and text, orders by corroboration, within the organisation', async () => {
    const organisation = await t.make.organisation();
    const { pair, senior } = await t.make.pair(organisation);
    const rota = await t.make.barrier(pair, { title: 'Night rota penalises carers', description: 'Rota patterns give carers no predictable nights off.', category: BarrierCategory.CULTURE, affectedGroups: [AffectedGroup.AGE] });
    const shortlist = await t.make.barrier(pair, { title: 'Shortlists favour full-time staff', category: BarrierCategory.RECRUITMENT, corroborationCount: 3 });
    const anonymous = await t.make.barrier(pair, { title: 'Pay gaps hidden in allowances', description: 'Allowances are negotiated privately.', category: BarrierCategory.PAY, attribution: Attribution.ANONYMOUS, corroborationCount: 1 });
    await t.make.barrier((await t.make.pair(await t.make.organisation())).pair, { title: 'Elsewhere rota barrier' });

    const list = async (args: string) =>
      (await t.api.as(senior.token).ok(`{ barriers${args ? `(${args})` : ''} { totalCount nodes { id } } }`)).barriers;
    const ids = (...b: BarrierEntity[]) => b.map((x) => ({ id: gid('Barrier', x.id) }));

    expect((await list('')).totalCount).toBe(3);
    expect((await list('filter: { category: [CULTURE, PAY] }, orderBy: OLDEST')).nodes).toEqual(ids(rota, anonymous));
    expect((await list('filter: { affectedGroup: [AGE] }')).nodes).toEqual(ids(rota));
    expect((await list('filter: { search: "rota carers" }')).nodes).toEqual(ids(rota));
    expect((await list('filter: { status: [ADDRESSED] }')).totalCount).toBe(0);
    expect((await list('orderBy: MOST_CORROBORATED')).nodes).toEqual(ids(shortlist, anonymous, rota));
    const page = await t.api.as(senior.token).ok(`{ barriers(orderBy: MOST_CORROBORATED, first: 2) { pageInfo { endCursor } } }`);
    const rest = await t.api.as(senior.token).ok(`query ($a: String) { barriers(orderBy: MOST_CORROBORATED, first: 2, after: $a) { nodes { id } } }`, { a: page.barriers.pageInfo.endCursor });
    expect(rest.barriers.nodes).toEqual(ids(rota));
  });
});

describe('closeBarrier', () => {
  it('lets the raising pair or a manager close an open barrier with a reason, kept in the history', async () => {
    const organisation = await t.make.organisation();
    const { pair, junior } = await t.make.pair(organisation);
    const other = await t.make.pair(organisation);
    const barrier = await t.make.barrier(pair);
    const id = gid('Barrier', barrier.id);
    const CLOSE = `mutation ($input: CloseBarrierInput!) { closeBarrier(input: $input) { barrier { status history { kind toStatus note } } userErrors { code } } }`;
    expect(Api.codes(await t.api.as(other.senior.token).request(CLOSE, { input: { barrierId: id, reason: 'Not ours to close.' } }))).toEqual(['FORBIDDEN']);
    const closed = await t.api.as(junior.token).mutation(CLOSE, { barrierId: id, reason: 'A duplicate of the rota barrier.' });
    expect(closed.barrier).toMatchObject({ status: 'CLOSED', history: [{ kind: 'BARRIER_STATUS_CHANGED', toStatus: 'CLOSED', note: 'A duplicate of the rota barrier.' }] });
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    expect((await t.api.as(manager.token).mutation(CLOSE, { barrierId: id, reason: 'Closing twice.' })).userErrors[0].code).toBe('INVALID_TRANSITION');
  });
});
