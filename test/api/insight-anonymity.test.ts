import { apiSuite } from '../helpers/suite';
import { Api } from '../helpers/api';
import { gid } from '../helpers/factories';
import { Attribution, BarrierCategory } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { EventEntity, EventKind } from '../../server/src/modules/history/event.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import type { OrganisationEntity } from '../../server/src/modules/organisation/organisation.entity';
import type { PairEntity } from '../../server/src/modules/pair/pair.entity';

/**
 * Anonymity under narrowing: an anonymous barrier raised in a programme of fewer than 5 pairs, and
 * the changes on it, never show in a figure, export or list narrowed to that programme; they count
 * in the organisation-wide figures only, and the narrowed page says that some items are withheld,
 * never how many. Programmes of 1, 4 and 5 pairs, an anonymous barrier in each, checked as the
 * manager, an owner, another pair and another organisation.
 */
const t = apiSuite();

const FIGURES = `
  smallGroupNote
  funnel { steps { stage count } }
  timeToAdoption { stage changes }
  overdueChanges { title }
  adoptedChanges { title }
  barriersByCategory { category barriers }
  barriersByAffectedGroup { group barriers }
  mostCorroboratedBarriers { title }
  programmes { name pairs barriers changes adopted }
`;
const PROGRAMME_DASHBOARD = `query ($id: ID!) { programmeDashboard(programmeId: $id) { ${FIGURES} } }`;
const ORGANISATION_DASHBOARD = `{ organisationDashboard { ${FIGURES} } }`;
const BARRIERS = `query ($filter: BarrierFilter) { barriers(filter: $filter, first: 50) { totalCount nodes { title createdAt raisedBy { id } } } }`;
const CHANGES = `query ($filter: ChangeFilter) { changes(filter: $filter, first: 50) { totalCount nodes { title } } }`;
const QUEUE = `{ decisionQueue(first: 50) { totalCount nodes { title pair { id } barrier { title createdAt raisedBy { id } } } } }`;

async function download(path: string, token: string) {
  const response = await fetch(`${t.server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, note: response.headers.get('x-withheld-in-small-groups'), body: await response.text() };
}

const count = (dashboard: any, stage: string) => dashboard.funnel.steps.find((s: any) => s.stage === stage)?.count;
const sum = (rows: { barriers: number }[]) => rows.reduce((n, r) => n + r.barriers, 0);

/** A programme of `size` pairs: its first pair raises a named and an anonymous barrier, each with an adopted change and an overdue one. */
async function programmeOf(organisation: OrganisationEntity, size: number, owner: { person: any }, corroborator: PairEntity | null) {
  const programme = await t.co.programme(organisation, { name: `Cohort of ${size}` });
  const pairs: { pair: PairEntity; senior: any; junior: any }[] = [];
  for (let i = 0; i < size; i++) {
    const senior = await t.make.person({ organisation, name: `Senior ${size}.${i}` });
    const junior = await t.make.person({ organisation, name: `Junior ${size}.${i}` });
    pairs.push({ pair: await t.co.pair(programme, senior.person, junior.person), senior, junior });
  }
  const raising = pairs[0].pair;
  const named = await t.co.barrier(raising, { title: `Named in ${size}`, category: BarrierCategory.CULTURE });
  const anonymous = await t.co.barrier(raising, { title: `Anonymous in ${size}`, category: BarrierCategory.PAY, attribution: Attribution.ANONYMOUS });
  for (const barrier of [named, anonymous]) {
    const tag = barrier.title.replace(' in ', ' change in ');
    await t.co.change(barrier, raising, owner.person, ChangeStatus.ADOPTED, { created: 40, submitted: 30, decided: 20, started: 10, adopted: 5, target: 1 }, { title: `${tag} (adopted)` });
    await t.co.change(barrier, raising, owner.person, ChangeStatus.SUBMITTED, { created: 9, submitted: 8, target: 3 }, { title: `${tag} (awaiting)` });
  }
  if (corroborator) {
    await t.co.corroborate(named, corroborator, ['Estates']);
    await t.co.corroborate(anonymous, corroborator, ['Estates']);
  }
  return { programme, pairs, named, anonymous, id: gid('Programme', programme.id) };
}

async function organisationOf(sizes: number[]) {
  const organisation = await t.make.organisation();
  const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
  const owner = await t.make.person({ organisation, roles: [Role.OWNER], name: 'Olu Owner' });
  const corrSenior = await t.make.person({ organisation });
  const corrJunior = await t.make.person({ organisation });
  const corrProgramme = await t.co.programme(organisation, { name: 'Corroborators' });
  const corroborator = await t.co.pair(corrProgramme, corrSenior.person, corrJunior.person);
  // the corroborating pair's own programme is filled to 5 pairs, so it is not a small group itself
  for (let i = 0; i < 4; i++) {
    await t.co.pair(corrProgramme, (await t.make.person({ organisation })).person, (await t.make.person({ organisation })).person);
  }
  const programmes = [];
  for (const size of sizes) programmes.push(await programmeOf(organisation, size, owner, corroborator));
  return { organisation, manager, owner, corroborator: { pair: corroborator, senior: corrSenior }, programmes };
}

describe('programmes of 1, 4 and 5 pairs, an anonymous barrier in each', () => {
  let s: Awaited<ReturnType<typeof organisationOf>>;
  let other: { token: string };
  beforeAll(async () => {
    s = await organisationOf([1, 4, 5]);
    other = await t.make.person({ roles: [Role.PROGRAMME_MANAGER] });
  });
  const [one, four, five] = [0, 1, 2];

  it('as the manager: the 1- and 4-pair programme dashboards leave the anonymous barrier and its changes out of every figure, and say so', async () => {
    for (const index of [one, four]) {
      const p = s.programmes[index];
      const { programmeDashboard: d } = await t.api.as(s.manager.token).ok(PROGRAMME_DASHBOARD, { id: p.id });
      const json = JSON.stringify(d);
      expect(json).not.toContain('Anonymous');
      expect(d.smallGroupNote).toMatch(/^Some items are withheld here/);
      expect(d.smallGroupNote).not.toMatch(/\d+ (item|barrier|change)/); // never how many
      expect(count(d, 'BARRIERS_RAISED')).toBe(1);
      expect(count(d, 'BARRIERS_WITH_CHANGE')).toBe(1);
      expect(count(d, 'CHANGES_PROPOSED')).toBe(2);
      expect(count(d, 'ADOPTED')).toBe(1);
      expect(d.timeToAdoption.find((x: any) => x.stage === 'END_TO_END').changes).toBe(1);
      expect(d.overdueChanges.map((c: any) => c.title)).toEqual([`Named change in ${p.pairs.length} (awaiting)`]);
      expect(d.adoptedChanges.map((c: any) => c.title)).toEqual([`Named change in ${p.pairs.length} (adopted)`]);
      expect(sum(d.barriersByCategory)).toBe(1);
      expect(d.barriersByCategory.find((c: any) => c.category === 'PAY').barriers).toBe(0);
      expect(d.mostCorroboratedBarriers.map((b: any) => b.title)).toEqual([`Named in ${p.pairs.length}`]);
      expect(d.programmes).toEqual([{ name: p.programme.name, pairs: p.pairs.length, barriers: 1, changes: 2, adopted: 1 }]);
    }
  });

  it('as the manager: the 5-pair programme dashboard shows its anonymous barrier, with no note', async () => {
    const p = s.programmes[five];
    const { programmeDashboard: d } = await t.api.as(s.manager.token).ok(PROGRAMME_DASHBOARD, { id: p.id });
    expect(d.smallGroupNote).toBeNull();
    expect(count(d, 'BARRIERS_RAISED')).toBe(2);
    expect(count(d, 'CHANGES_PROPOSED')).toBe(4);
    expect(d.barriersByCategory.find((c: any) => c.category === 'PAY').barriers).toBe(1);
    expect(d.mostCorroboratedBarriers.map((b: any) => b.title).sort()).toEqual(['Anonymous in 5', 'Named in 5']);
    expect(d.programmes).toEqual([{ name: 'Cohort of 5', pairs: 5, barriers: 2, changes: 4, adopted: 2 }]);
  });

  it('as the manager: the organisation dashboard counts every anonymous barrier in its totals, never in a small programme’s row', async () => {
    const { organisationDashboard: d } = await t.api.as(s.manager.token).ok(ORGANISATION_DASHBOARD);
    expect(count(d, 'BARRIERS_RAISED')).toBe(6);
    expect(count(d, 'CHANGES_PROPOSED')).toBe(12);
    expect(d.barriersByCategory.find((c: any) => c.category === 'PAY').barriers).toBe(3);
    expect(d.smallGroupNote).toMatch(/^Some items are withheld here/);
    const rows = Object.fromEntries(d.programmes.map((r: any) => [r.name, [r.pairs, r.barriers, r.changes, r.adopted]]));
    expect(rows).toEqual({ 'Cohort of 1': [1, 1, 2, 1], 'Cohort of 4': [4, 1, 2, 1], 'Cohort of 5': [5, 2, 4, 2], Corroborators: [5, 0, 0, 0] });
  });

  it('as the manager: programme-filtered CSVs leave the anonymous barrier and its changes out of small programmes and say so in a header', async () => {
    for (const [index, expected] of [[one, false], [four, false], [five, true]] as const) {
      const p = s.programmes[index];
      const barriers = await download(`/exports/barriers.csv?programmeId=${p.id}`, s.manager.token);
      const changes = await download(`/exports/changes.csv?programmeId=${p.id}`, s.manager.token);
      expect([barriers.status, changes.status]).toEqual([200, 200]);
      expect(barriers.body.includes('Anonymous in')).toBe(expected);
      expect(changes.body.includes('Anonymous change in')).toBe(expected);
      expect(barriers.body).toContain(`Named in ${p.pairs.length}`);
      expect(changes.note === null).toBe(expected);
      expect(barriers.note === null).toBe(expected);
    }
    // organisation-wide: every anonymous barrier, its programme and pair left blank
    const all = await download('/exports/barriers.csv', s.manager.token);
    expect(all.note).toBeNull();
    for (const size of [1, 4, 5]) expect(all.body).toContain(`Anonymous in ${size}`);
    expect(all.body).not.toMatch(/Cohort of \d,[^\r\n]*Anonymous|Anonymous in \d[^\r\n]*Cohort of/);
  });

  it('as an owner: the owner’s own programme dashboards and change CSVs follow the same rule', async () => {
    for (const [index, changes] of [[one, 2], [four, 2], [five, 4]] as const) {
      const p = s.programmes[index];
      const { programmeDashboard: d } = await t.api.as(s.owner.token).ok(PROGRAMME_DASHBOARD, { id: p.id });
      expect(count(d, 'CHANGES_PROPOSED')).toBe(changes);
      expect(JSON.stringify(d).includes('Anonymous')).toBe(index === five);
      expect(d.smallGroupNote === null).toBe(index === five);
      const csv = await download(`/exports/changes.csv?programmeId=${p.id}`, s.owner.token);
      expect(csv.body.includes('Anonymous change in')).toBe(index === five);
    }
    const { organisationDashboard: d } = await t.api.as(s.owner.token).ok(ORGANISATION_DASHBOARD);
    expect(count(d, 'CHANGES_PROPOSED')).toBe(12);
  });

  it('as the owner: the decision queue shows the anonymous barrier’s change (it awaits their decision), never its pair, and the day, not the time', async () => {
    const { decisionQueue } = await t.api.as(s.owner.token).ok(QUEUE);
    const anonymous = decisionQueue.nodes.filter((c: any) => c.title.startsWith('Anonymous'));
    expect(anonymous).toHaveLength(3);
    for (const change of anonymous) {
      expect(change.pair).toBeNull();
      expect(change.barrier.raisedBy).toBeNull();
      expect(change.barrier.createdAt).toMatch(/T00:00:00\.000Z$/);
    }
  });

  it('as another pair: no dashboard or export; lists show anonymous barriers without pair or time, and a pair filter never unmasks them', async () => {
    const colearner = s.corroborator.senior;
    expect(Api.codes(await t.api.as(colearner.token).request(PROGRAMME_DASHBOARD, { id: s.programmes[one].id }))).toEqual(['FORBIDDEN']);
    expect((await download(`/exports/barriers.csv?programmeId=${s.programmes[one].id}`, colearner.token)).status).toBe(403);
    expect((await download(`/exports/changes.csv?programmeId=${s.programmes[one].id}`, colearner.token)).status).toBe(403);

    const { barriers } = await t.api.as(colearner.token).ok(BARRIERS, { filter: { organisationId: gid('Organisation', s.organisation.id) } });
    const anonymous = barriers.nodes.filter((b: any) => b.title.startsWith('Anonymous'));
    expect(anonymous).toHaveLength(3);
    for (const b of anonymous) {
      expect(b.raisedBy).toBeNull();
      expect(b.createdAt).toMatch(/T00:00:00\.000Z$/);
    }
    const raising = gid('Pair', s.programmes[one].pairs[0].pair.id);
    const narrowed = await t.api.as(colearner.token).ok(BARRIERS, { filter: { pairId: raising } });
    expect(narrowed.barriers.nodes.map((b: any) => b.title)).toEqual(['Named in 1']);
    expect(narrowed.barriers.totalCount).toBe(1);
    const changes = await t.api.as(colearner.token).ok(CHANGES, { filter: { pairId: raising } });
    expect(changes.changes.nodes.every((c: any) => c.title.startsWith('Named'))).toBe(true);
    expect(changes.changes.totalCount).toBe(2);
  });

  it('as the raising pair: their own anonymous barrier, with its time', async () => {
    const { junior, pair } = s.programmes[one].pairs[0];
    const { barriers } = await t.api.as(junior.token).ok(BARRIERS, { filter: { pairId: gid('Pair', pair.id) } });
    const own = barriers.nodes.find((b: any) => b.title === 'Anonymous in 1');
    expect(own.raisedBy).toEqual({ id: gid('Pair', pair.id) });
    expect(new Date(own.createdAt).getTime()).toBe(s.programmes[one].anonymous.createdAt.getTime());
  });

  it('as another organisation: nothing at all', async () => {
    for (const p of s.programmes) {
      expect(Api.codes(await t.api.as(other.token).request(PROGRAMME_DASHBOARD, { id: p.id }))).toEqual(['NOT_FOUND']);
      expect((await download(`/exports/barriers.csv?programmeId=${p.id}`, other.token)).status).toBe(404);
      expect((await download(`/exports/changes.csv?programmeId=${p.id}`, other.token)).status).toBe(404);
    }
    const { barriers } = await t.api.as(other.token).ok(BARRIERS, { filter: { organisationId: gid('Organisation', s.organisation.id) } });
    expect(barriers.totalCount).toBe(0);
  });
});

describe('when the small programmes together have fewer than 5 pairs', () => {
  it('narrowed figures leave out every programme’s anonymous barriers, so the organisation total minus the rows points nowhere narrower', async () => {
    // 1 pair and 5 pairs: the 1-pair programme alone is small; withholding only there would let
    // "organisation total minus the rows" name its single pair.
    const s = await organisationOf([1, 5]);
    const { organisationDashboard: d } = await t.api.as(s.manager.token).ok(ORGANISATION_DASHBOARD);
    expect(count(d, 'BARRIERS_RAISED')).toBe(4);
    const rows = Object.fromEntries(d.programmes.map((r: any) => [r.name, [r.pairs, r.barriers, r.changes]]));
    expect(rows).toEqual({ 'Cohort of 1': [1, 1, 2], 'Cohort of 5': [5, 1, 2], Corroborators: [5, 0, 0] });
    const { programmeDashboard: big } = await t.api.as(s.manager.token).ok(PROGRAMME_DASHBOARD, { id: s.programmes[1].id });
    expect(count(big, 'BARRIERS_RAISED')).toBe(1);
    expect(big.smallGroupNote).toMatch(/^Some items are withheld here/);
  });
});

describe('dates, not moments', () => {
  it('others see the day an anonymous barrier was raised in its history, the raising pair the moment', async () => {
    const s = await organisationOf([5]);
    const { anonymous, pairs } = s.programmes[0];
    const raising = pairs[0];
    await t.server.db.getRepository(EventEntity).save({
      organisationId: s.organisation.id,
      kind: EventKind.BARRIER_RAISED,
      barrierId: anonymous.id,
      actorId: raising.junior.person.id,
      toStatus: 'OPEN',
      detail: {},
    });
    const HISTORY = `query ($id: ID!) { node(id: $id) { ... on Barrier { history { kind at actorName } } } }`;
    const id = gid('Barrier', anonymous.id);
    const [asManager] = (await t.api.as(s.manager.token).ok(HISTORY, { id })).node.history;
    const [asOtherPair] = (await t.api.as(s.corroborator.senior.token).ok(HISTORY, { id })).node.history;
    const [asRaiser] = (await t.api.as(raising.senior.token).ok(HISTORY, { id })).node.history;
    expect(asManager).toMatchObject({ kind: 'BARRIER_RAISED', actorName: 'A co-learning pair' });
    expect(asManager.at).toMatch(/T00:00:00\.000Z$/);
    expect(asOtherPair.at).toBe(asManager.at);
    expect(asRaiser.at).not.toBe(asManager.at);
    expect(asRaiser.at.slice(0, 10)).toBe(asManager.at.slice(0, 10));
  });

  it('a manager sees a pair’s session logged on a day, the pair sees the moment', async () => {
    const s = await organisationOf([]);
    const { pair, senior } = { pair: s.corroborator.pair, senior: s.corroborator.senior };
    await t.co.session(pair, 3);
    const SESSIONS = `query ($id: ID!) { node(id: $id) { ... on Pair { sessions(first: 5) { nodes { heldOn createdAt } } } } }`;
    const asManager = await t.api.as(s.manager.token).ok(SESSIONS, { id: gid('Pair', pair.id) });
    const asPair = await t.api.as(senior.token).ok(SESSIONS, { id: gid('Pair', pair.id) });
    expect(asManager.node.sessions.nodes[0].createdAt).toMatch(/T00:00:00\.000Z$/);
    expect(asPair.node.sessions.nodes[0].createdAt).not.toBe(asManager.node.sessions.nodes[0].createdAt);
    expect(asPair.node.sessions.nodes[0].createdAt.slice(0, 10)).toBe(asManager.node.sessions.nodes[0].createdAt.slice(0, 10));
  });
});
