import { apiSuite } from '../helpers/suite';
import { Api } from '../helpers/api';
import { dateDaysAgo } from '../helpers/co-learning';
import { gid } from '../helpers/factories';
import { AffectedGroup, Attribution, BarrierCategory } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { EventKind } from '../../server/src/modules/history/event.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { Cadence } from '../../server/src/modules/programme/programme.entity';
import { PairStatus } from '../../server/src/modules/pair/pair.entity';

const t = apiSuite();

/**
 * The small dataset every figure below is computed from by hand (days are days ago).
 *
 * Programme A: pairs P1, P2, P3 (active) and P5 (completed); barriers B1–B4 and B6; changes C1–C9.
 * Programme B (same organisation): pair P4, barrier B5, change C10 (adopted).
 *
 *   change  barrier pair owner  status       created submitted decided started adopted target
 *   C1      B1      P1   O1     ADOPTED      100     90        80      70      40      30
 *   C2      B1      P2   O1     ADOPTED       80     76        70      60      10      30
 *   C3      B2      P1   O2     IN_PROGRESS   60     50        45      40      –        5  overdue 5
 *   C4      B3      P2   O2     APPROVED      30     28        20      –       –      -10
 *   C5      B3      P2   O1     SUBMITTED     20     18        –       –       –        2  overdue 2
 *   C6      B4      P3   O1     DRAFT         10     –         –       –       –        1  overdue 1
 *   C7      B4      P3   O2     REJECTED      40     35        30      –       –       20
 *   C8      B2      P1   O1     WITHDRAWN     50     45        40      –       –       10  (approved, per history)
 *   C9      B3      P3   O2     WITHDRAWN     15     –         –       –       –        3
 *   C10     B5      P4   O1     ADOPTED       50     49        48      47      46      40
 */
async function story() {
  const organisation = await t.make.organisation();
  const person = (name: string, roles = [Role.CO_LEARNER], division?: string) => t.make.person({ organisation, roles, name, division });
  const manager = await person('Pat Manager', [Role.PROGRAMME_MANAGER]);
  const o1 = await person('Olu Owner', [Role.OWNER]);
  const o2 = await person('Dee Owner', [Role.OWNER]);
  const colearner = await person('Sam Senior');
  const j1 = await person('Jo Junior');
  const [s2, j2, s3, j3, s4, j4, s5, j5] = await Promise.all(['S2', 'J2', 'S3', 'J3', 'S4', 'J4', 'S5', 'J5'].map((n) => person(n)));

  const a = await t.co.programme(organisation, { name: 'Cohort A', sessionCadence: Cadence.MONTHLY });
  const b = await t.co.programme(organisation, { name: 'Cohort B', startsOn: dateDaysAgo(300) });
  const p1 = await t.co.pair(a, colearner.person, j1.person);
  const p2 = await t.co.pair(a, s2.person, j2.person);
  const p3 = await t.co.pair(a, s3.person, j3.person, { createdAt: new Date(Date.now() - 45 * 86_400_000) });
  const p5 = await t.co.pair(a, s5.person, j5.person, { status: PairStatus.COMPLETED });
  const p4 = await t.co.pair(b, s4.person, j4.person);

  // P1: MONTHLY then FORTNIGHTLY agreed 90 days ago; a WEEKLY v3 agreed by the senior only.
  await t.co.contract(p1, 1, Cadence.MONTHLY, 100);
  await t.co.contract(p1, 2, Cadence.FORTNIGHTLY, 90);
  await t.co.contract(p1, 3, Cadence.WEEKLY, null);
  await t.co.contract(p2, 1, Cadence.MONTHLY, 120);
  await t.co.contract(p3, 1, Cadence.WEEKLY, 40);
  for (const d of [80, 60, 20]) await t.co.session(p1, d);
  for (const d of [119, 70]) await t.co.session(p2, d);

  const b1 = await t.co.barrier(p1, { title: 'B1', category: BarrierCategory.RECRUITMENT, affectedGroups: [AffectedGroup.RACE, AffectedGroup.SEX] });
  // Every barrier here is named: how anonymous ones are withheld in small groups is insight-anonymity.test.ts's subject.
  const b2 = await t.co.barrier(p1, { title: 'B2', category: BarrierCategory.PROGRESSION, affectedGroups: [AffectedGroup.RACE], attribution: Attribution.NAMED });
  const b3 = await t.co.barrier(p2, { title: 'B3', category: BarrierCategory.RECRUITMENT, affectedGroups: [AffectedGroup.DISABILITY] });
  const b4 = await t.co.barrier(p3, { title: 'B4', category: BarrierCategory.CULTURE, affectedGroups: [AffectedGroup.AGE, AffectedGroup.RACE] });
  await t.co.barrier(p3, { title: 'B6', category: BarrierCategory.ACCESS, affectedGroups: [AffectedGroup.OTHER] });
  const b5 = await t.co.barrier(p4, { title: 'B5', category: BarrierCategory.PAY, affectedGroups: [AffectedGroup.SEX] });
  await t.co.corroborate(b1, p2, ['Surgery', 'Nursing']);
  await t.co.corroborate(b1, p3, ['Surgery', 'Estates']);
  await t.co.corroborate(b3, p1, ['Surgery']);

  const { ADOPTED, IN_PROGRESS, APPROVED, SUBMITTED, DRAFT, REJECTED, WITHDRAWN } = ChangeStatus;
  const evidence = { policyOrProcess: 'Recruitment policy v4', effectiveFrom: dateDaysAgo(40), link: 'https://intranet.example/policy', summary: 'Panels now diverse.' };
  const c1 = await t.co.change(b1, p1, o1.person, ADOPTED, { created: 100, submitted: 90, decided: 80, started: 70, adopted: 40, target: 30 }, { title: 'C1', adoptionEvidence: evidence, successMeasures: [{ metric: 'Diverse panels', unit: '%', baseline: 10, target: 80, current: 85 }] });
  await t.co.change(b1, p2, o1.person, ADOPTED, { created: 80, submitted: 76, decided: 70, started: 60, adopted: 10, target: 30 }, { title: 'C2' });
  await t.co.change(b2, p1, o2.person, IN_PROGRESS, { created: 60, submitted: 50, decided: 45, started: 40, target: 5 }, { title: 'C3', progress: 40 });
  await t.co.change(b3, p2, o2.person, APPROVED, { created: 30, submitted: 28, decided: 20, target: -10 }, { title: 'C4' });
  await t.co.change(b3, p2, o1.person, SUBMITTED, { created: 20, submitted: 18, target: 2 }, { title: 'C5' });
  await t.co.change(b4, p3, o1.person, DRAFT, { created: 10, target: 1 }, { title: 'C6' });
  await t.co.change(b4, p3, o2.person, REJECTED, { created: 40, submitted: 35, decided: 30, target: 20 }, { title: 'C7' });
  const c8 = await t.co.change(b2, p1, o1.person, WITHDRAWN, { created: 50, submitted: 45, decided: 40, target: 10 }, { title: 'C8' });
  await t.co.event(c8, EventKind.CHANGE_DECIDED, 'SUBMITTED', 'APPROVED');
  await t.co.event(c8, EventKind.CHANGE_WITHDRAWN, 'APPROVED', 'WITHDRAWN');
  await t.co.change(b3, p3, o2.person, WITHDRAWN, { created: 15, target: 3 }, { title: 'C9' });
  await t.co.change(b5, p4, o1.person, ADOPTED, { created: 50, submitted: 49, decided: 48, started: 47, adopted: 46, target: 40 }, { title: 'C10' });

  return { organisation, manager, o1, o2, colearner, a, b, p1, p2, p3, p5, b1, b3, c1 };
}

const DASHBOARD_FIELDS = `
  title access asOf organisation { name }
  funnel { steps { stage unit label count conversionRate } rejected withdrawn adoptionRate byStatus { status count } }
  timeToAdoption { stage medianDays changes }
  overdueByOwner { owner { displayName } overdueCount oldestTargetDate maxDaysOverdue }
  overdueChanges { title status targetDate daysOverdue progress owner { displayName } }
  barriersByCategory { category barriers }
  barriersByAffectedGroup { group barriers }
  mostCorroboratedBarriers { barrierId title category corroborations divisions changes }
  pairActivity { pairCount activePairCount quietPairCount sessionsLogged sessionsExpected
    pairs { pairId status cadence sessionsLogged sessionsExpected lastSessionOn daysSinceLastSession quiet senior { displayName } junior { displayName } } }
  programmes { programmeId name pairs barriers changes adopted }
  adoptedChanges { title adoptedAt barrierTitle owner { displayName } evidence { policyOrProcess effectiveFrom link summary } successMeasures { metric unit baseline target current } }
`;
const PROGRAMME_DASHBOARD = `query ($id: ID!) { programmeDashboard(programmeId: $id) { ${DASHBOARD_FIELDS} } }`;
const ORGANISATION_DASHBOARD = `query ($id: ID) { organisationDashboard(organisationId: $id) { ${DASHBOARD_FIELDS} } }`;

const counts = <T extends Record<string, unknown>>(rows: T[], key: keyof T, value: keyof T) => Object.fromEntries(rows.map((r) => [r[key], r[value]]));

describe('programme dashboard: every figure against the hand-computed story', () => {
  let s: Awaited<ReturnType<typeof story>>;
  let dashboard: any;
  beforeAll(async () => {
    s = await story();
    dashboard = (await t.api.as(s.manager.token).ok(PROGRAMME_DASHBOARD, { id: gid('Programme', s.a.id) })).programmeDashboard;
  });

  it('names the programme and the access', () => {
    expect(dashboard).toMatchObject({ title: 'Cohort A', access: 'FULL', asOf: dateDaysAgo(0), organisation: { name: s.organisation.name } });
  });

  it('the funnel: barriers, then changes, each bar one kind of thing, with the share of the bar before that counts the same', () => {
    expect(dashboard.funnel.steps.map(({ label, unit, ...step }: any) => step)).toEqual([
      { stage: 'BARRIERS_RAISED', count: 5, conversionRate: null },
      { stage: 'BARRIERS_WITH_CHANGE', count: 4, conversionRate: 0.8 }, // B1 B2 B3 B4; B6 has none
      { stage: 'CHANGES_PROPOSED', count: 9, conversionRate: null }, // changes, not barriers: no share of the bar before
      { stage: 'SUBMITTED', count: 7, conversionRate: 0.778 },
      { stage: 'APPROVED', count: 5, conversionRate: 0.714 }, // C1 C2 C3 C4, and C8 approved before withdrawal
      { stage: 'IN_PROGRESS', count: 3, conversionRate: 0.6 },
      { stage: 'ADOPTED', count: 2, conversionRate: 0.667 },
    ]);
    expect(dashboard.funnel.steps.map((step: any) => [step.unit, step.label])).toEqual([
      ['BARRIERS', 'Barriers raised'],
      ['BARRIERS', 'Barriers with a change proposed'],
      ['CHANGES', 'Changes proposed (a barrier can have several)'], // the one bar that may outgrow the bar before says why
      ['CHANGES', 'Changes submitted'],
      ['CHANGES', 'Changes approved'],
      ['CHANGES', 'Changes started'],
      ['CHANGES', 'Changes adopted'],
    ]);
    expect(dashboard.funnel).toMatchObject({ rejected: 1, withdrawn: 2, adoptionRate: 0.222 });
    expect(counts(dashboard.funnel.byStatus, 'status', 'count')).toEqual({ DRAFT: 1, SUBMITTED: 1, APPROVED: 1, REJECTED: 1, IN_PROGRESS: 1, ADOPTION_REQUESTED: 0, ADOPTED: 2, WITHDRAWN: 2 });
  });

  it('time to adoption: median days in each stage and end to end', () => {
    expect(dashboard.timeToAdoption).toEqual([
      { stage: 'DRAFTING', medianDays: 5, changes: 7 }, // 2 2 4 5 5 10 10
      { stage: 'AWAITING_DECISION', medianDays: 5.5, changes: 6 }, // 5 5 5 6 8 10
      { stage: 'AWAITING_START', medianDays: 10, changes: 3 }, // 5 10 10
      { stage: 'IN_PROGRESS', medianDays: 40, changes: 2 }, // 30 50
      { stage: 'END_TO_END', medianDays: 65, changes: 2 }, // 60 70
    ]);
  });

  it('overdue changes, by owner and one by one', () => {
    expect(dashboard.overdueByOwner).toEqual([
      { owner: { displayName: 'Olu Owner' }, overdueCount: 2, oldestTargetDate: dateDaysAgo(2), maxDaysOverdue: 2 },
      { owner: { displayName: 'Dee Owner' }, overdueCount: 1, oldestTargetDate: dateDaysAgo(5), maxDaysOverdue: 5 },
    ]);
    expect(dashboard.overdueChanges.map((c: any) => [c.title, c.status, c.daysOverdue, c.owner.displayName])).toEqual([
      ['C3', 'IN_PROGRESS', 5, 'Dee Owner'],
      ['C5', 'SUBMITTED', 2, 'Olu Owner'],
      ['C6', 'DRAFT', 1, 'Olu Owner'],
    ]);
    expect(dashboard.overdueChanges[0]).toMatchObject({ targetDate: dateDaysAgo(5), progress: 40 });
  });

  it('barriers by category and by affected group, zeros included', () => {
    expect(counts(dashboard.barriersByCategory, 'category', 'barriers')).toEqual({
      RECRUITMENT: 2, PROGRESSION: 1, PAY: 0, CULTURE: 1, POLICY: 0, ACCESS: 1, DATA: 0, OTHER: 0,
    });
    expect(counts(dashboard.barriersByAffectedGroup, 'group', 'barriers')).toEqual({
      AGE: 1, DISABILITY: 1, GENDER_REASSIGNMENT: 0, MARRIAGE_AND_CIVIL_PARTNERSHIP: 0, PREGNANCY_AND_MATERNITY: 0, RACE: 3,
      RELIGION_OR_BELIEF: 0, SEX: 1, SEXUAL_ORIENTATION: 0, SOCIO_ECONOMIC_BACKGROUND: 0, OTHER: 1,
    });
  });

  it('the most corroborated barriers, across pairs and divisions', () => {
    expect(dashboard.mostCorroboratedBarriers).toEqual([
      { barrierId: gid('Barrier', s.b1.id), title: 'B1', category: 'RECRUITMENT', corroborations: 2, divisions: 3, changes: 2 },
      { barrierId: gid('Barrier', s.b3.id), title: 'B3', category: 'RECRUITMENT', corroborations: 1, divisions: 1, changes: 3 },
    ]);
  });

  it('pair activity against the latest agreed cadence, quiet pairs first', () => {
    const activity = dashboard.pairActivity;
    expect(activity).toMatchObject({ pairCount: 4, activePairCount: 3, quietPairCount: 2, sessionsLogged: 5, sessionsExpected: 15 });
    expect(activity.pairs.map((p: any) => [p.pairId, p.cadence, p.sessionsLogged, p.sessionsExpected, p.lastSessionOn, p.daysSinceLastSession, p.quiet])).toEqual([
      [gid('Pair', s.p3.id), 'WEEKLY', 0, 5, null, null, true], // never met, 45 days old > 14
      [gid('Pair', s.p2.id), 'MONTHLY', 2, 4, dateDaysAgo(70), 70, true], // 70 days > 60
      [gid('Pair', s.p5.id), 'MONTHLY', 0, null, null, null, false], // completed: never quiet; no contract
      [gid('Pair', s.p1.id), 'FORTNIGHTLY', 3, 6, dateDaysAgo(20), 20, false], // 90 days / 14
    ]);
    expect(activity.pairs[3]).toMatchObject({ senior: { displayName: 'Sam Senior' }, junior: { displayName: 'Jo Junior' } });
  });

  it('adopted changes with their evidence, latest first', () => {
    expect(dashboard.adoptedChanges.map((c: any) => c.title)).toEqual(['C2', 'C1']);
    expect(dashboard.adoptedChanges[1]).toMatchObject({
      barrierTitle: 'B1',
      owner: { displayName: 'Olu Owner' },
      evidence: { policyOrProcess: 'Recruitment policy v4', effectiveFrom: dateDaysAgo(40), link: 'https://intranet.example/policy', summary: 'Panels now diverse.' },
      successMeasures: [{ metric: 'Diverse panels', unit: '%', baseline: 10, target: 80, current: 85 }],
    });
  });

  it('the programme in figures', () => {
    expect(dashboard.programmes).toEqual([{ programmeId: gid('Programme', s.a.id), name: 'Cohort A', pairs: 4, barriers: 5, changes: 9, adopted: 2 }]);
  });

  it('never carries private session notes', () => {
    expect(JSON.stringify(dashboard)).not.toContain('PRIVATE-NOTES');
  });
});

describe('organisation dashboard', () => {
  it('adds up every programme of the organisation', async () => {
    const s = await story();
    const { organisationDashboard: d } = await t.api.as(s.manager.token).ok(ORGANISATION_DASHBOARD, { id: gid('Organisation', s.organisation.id) });
    expect(d.title).toBe(s.organisation.name);
    expect(d.funnel.steps.map((step: any) => [step.stage, step.count, step.conversionRate])).toEqual([
      ['BARRIERS_RAISED', 6, null],
      ['BARRIERS_WITH_CHANGE', 5, 0.833],
      ['CHANGES_PROPOSED', 10, null],
      ['SUBMITTED', 8, 0.8],
      ['APPROVED', 6, 0.75],
      ['IN_PROGRESS', 4, 0.667],
      ['ADOPTED', 3, 0.75],
    ]);
    expect(d.timeToAdoption[0]).toEqual({ stage: 'DRAFTING', medianDays: 4.5, changes: 8 }); // C10 adds 1
    expect(d.timeToAdoption[4]).toEqual({ stage: 'END_TO_END', medianDays: 60, changes: 3 }); // 4 60 70
    expect(d.programmes.map((p: any) => [p.name, p.pairs, p.barriers, p.changes, p.adopted])).toEqual([
      ['Cohort A', 4, 5, 9, 2],
      ['Cohort B', 1, 1, 1, 1],
    ]);
    // the viewer's own organisation is the default
    const byDefault = await t.api.as(s.manager.token).ok(`{ organisationDashboard { title funnel { steps { count } } } }`);
    expect(byDefault.organisationDashboard.title).toBe(s.organisation.name);
  });
});

describe('who sees the dashboard', () => {
  it('an owner sees the funnel and overdue list of their own changes, and nothing about barriers or pairs', async () => {
    const s = await story();
    const { programmeDashboard: d } = await t.api.as(s.o1.token).ok(PROGRAMME_DASHBOARD, { id: gid('Programme', s.a.id) });
    expect(d.access).toBe('OWN_CHANGES');
    expect(d.funnel.steps.map((step: any) => [step.stage, step.count, step.conversionRate])).toEqual([
      ['CHANGES_PROPOSED', 5, null], // C1 C2 C5 C6 C8
      ['SUBMITTED', 4, 0.8],
      ['APPROVED', 3, 0.75],
      ['IN_PROGRESS', 2, 0.667],
      ['ADOPTED', 2, 1],
    ]);
    expect(d.overdueChanges.map((c: any) => c.title)).toEqual(['C5', 'C6']);
    expect(d.overdueByOwner).toEqual([{ owner: { displayName: 'Olu Owner' }, overdueCount: 2, oldestTargetDate: dateDaysAgo(2), maxDaysOverdue: 2 }]);
    expect(d.adoptedChanges.map((c: any) => c.title)).toEqual(['C2', 'C1']);
    expect(d).toMatchObject({ barriersByCategory: null, barriersByAffectedGroup: null, mostCorroboratedBarriers: null, pairActivity: null, programmes: null });
  });

  it('refuses a co-learner (FORBIDDEN), hides another organisation (NOT_FOUND), and asks strangers to sign in', async () => {
    const s = await story();
    const other = await t.make.person({ roles: [Role.PROGRAMME_MANAGER] });
    const id = gid('Programme', s.a.id);
    expect(Api.codes(await t.api.as(s.colearner.token).request(PROGRAMME_DASHBOARD, { id }))).toEqual(['FORBIDDEN']);
    expect(Api.codes(await t.api.as(s.colearner.token).request(ORGANISATION_DASHBOARD, {}))).toEqual(['FORBIDDEN']);
    expect(Api.codes(await t.api.as(other.token).request(PROGRAMME_DASHBOARD, { id }))).toEqual(['NOT_FOUND']);
    expect(Api.codes(await t.api.as(other.token).request(ORGANISATION_DASHBOARD, { id: gid('Organisation', s.organisation.id) }))).toEqual(['NOT_FOUND']);
    expect(Api.codes(await t.api.as(undefined).request(PROGRAMME_DASHBOARD, { id }))).toEqual(['UNAUTHENTICATED']);
    // a manager who is only an owner elsewhere still cannot read this organisation
    const ownerElsewhere = await t.make.person({ roles: [Role.OWNER] });
    expect(Api.codes(await t.api.as(ownerElsewhere.token).request(PROGRAMME_DASHBOARD, { id }))).toEqual(['NOT_FOUND']);
  });
});

describe('a bounded number of SQL statements', () => {
  it('runs the same number of statements for a small and a ten times larger organisation', async () => {
    const small = await story();
    const large = await story();
    // Ten times the pairs, barriers, corroborations, sessions and changes in the large organisation's programme A.
    const owner = large.o2.person;
    for (let i = 0; i < 40; i++) {
      const senior = await t.make.person({ organisation: large.organisation, name: `Extra senior ${i}` });
      const junior = await t.make.person({ organisation: large.organisation, name: `Extra junior ${i}` });
      const pair = await t.co.pair(large.a, senior.person, junior.person);
      await t.co.contract(pair, 1, Cadence.MONTHLY, 60);
      await t.co.session(pair, i);
      const barrier = await t.co.barrier(pair, { title: `Extra ${i}` });
      await t.co.corroborate(large.b1, pair, [`Division ${i}`]);
      await t.co.change(barrier, pair, owner, ChangeStatus.IN_PROGRESS, { created: 50, submitted: 40, decided: 30, started: 20, target: i % 3 });
      await t.co.change(barrier, pair, owner, ChangeStatus.ADOPTED, { created: 50, submitted: 40, decided: 30, started: 20, adopted: 5, target: 1 });
    }
    const smallResponse = await t.api.as(small.manager.token).request(PROGRAMME_DASHBOARD, { id: gid('Programme', small.a.id) });
    const largeResponse = await t.api.as(large.manager.token).request(PROGRAMME_DASHBOARD, { id: gid('Programme', large.a.id) });
    expect(largeResponse.errors).toBeUndefined();
    expect(largeResponse.data.programmeDashboard.funnel.steps[2].count).toBe(89);
    expect(largeResponse.data.programmeDashboard.pairActivity.pairCount).toBe(44);
    expect(smallResponse.extensions?.sqlStatements).toBe(13); // sign-in 1, programme, small groups, organisation, 9 figure statements (people come with their rows)
    expect(largeResponse.extensions?.sqlStatements).toBe(smallResponse.extensions?.sqlStatements);
  });
});

describe('bad input', () => {
  it('refuses a malformed id and an oversized list with BAD_USER_INPUT', async () => {
    const s = await story();
    expect(Api.codes(await t.api.as(s.manager.token).request(PROGRAMME_DASHBOARD, { id: gid('Organisation', s.organisation.id) }))).toEqual(['BAD_USER_INPUT']);
    const response = await t.api.as(s.manager.token).request(`query ($id: ID!) { programmeDashboard(programmeId: $id) { overdueChanges(first: 1000) { title } } }`, { id: gid('Programme', s.a.id) });
    expect(Api.codes(response)).toEqual(['BAD_USER_INPUT']);
  });
});
