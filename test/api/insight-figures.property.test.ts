import fc from 'fast-check';
import { apiSuite } from '../helpers/suite';
import { gid } from '../helpers/factories';
import { AffectedGroup, Attribution, BarrierCategory } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { type PairEntity, PairStatus } from '../../server/src/modules/pair/pair.entity';
import type { ProgrammeEntity } from '../../server/src/modules/programme/programme.entity';

/**
 * Figures that are true: a random organisation (fast-check) is seeded, and every figure on the
 * programme dashboards (which the board report prints), the organisation dashboard and the
 * per-programme rows is checked against counts computed here from rows read straight from
 * PostgreSQL, with the small-group rule worked out again from the generated pair counts.
 */
const t = apiSuite();

const FIGURES = `
  smallGroupNote
  funnel { steps { stage unit label count conversionRate } rejected withdrawn byStatus { status count } }
  timeToAdoption { stage changes }
  overdueChanges(first: 100) { changeId }
  adoptedChanges(first: 100) { changeId }
  barriersByCategory { category barriers }
  barriersByAffectedGroup { group barriers }
  mostCorroboratedBarriers(first: 100) { barrierId corroborations }
  pairActivity { pairCount activePairCount sessionsLogged }
  programmes { programmeId pairs barriers changes adopted }
`;
const PROGRAMME_DASHBOARD = `query ($id: ID!) { programmeDashboard(programmeId: $id) { ${FIGURES} } }`;
const ORGANISATION_DASHBOARD = `{ organisationDashboard { ${FIGURES} } }`;

const K = 5;
const STATUSES = Object.values(ChangeStatus);
const FINISHED = ['ADOPTED', 'REJECTED', 'WITHDRAWN'];

/** Days ago for each moment a change in `status` has reached (older first). */
function momentsOf(status: ChangeStatus, withdrawnAfterSubmit: boolean, target: number) {
  const reached = {
    DRAFT: [],
    SUBMITTED: ['submitted'],
    APPROVED: ['submitted', 'decided'],
    REJECTED: ['submitted', 'decided'],
    IN_PROGRESS: ['submitted', 'decided', 'started'],
    ADOPTION_REQUESTED: ['submitted', 'decided', 'started'],
    ADOPTED: ['submitted', 'decided', 'started', 'adopted'],
    WITHDRAWN: withdrawnAfterSubmit ? ['submitted'] : [],
  }[status] as string[];
  const days: Record<string, number> = { created: 60, target };
  reached.forEach((key, i) => (days[key] = 50 - i * 10));
  return days as { created: number; target: number };
}

const organisationArb = fc.record({
  programmes: fc.array(
    fc.record({
      pairs: fc.array(fc.constantFrom(PairStatus.ACTIVE, PairStatus.ACTIVE, PairStatus.COMPLETED, PairStatus.PROPOSED), { minLength: 1, maxLength: 7 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  barriers: fc.array(
    fc.record({
      programme: fc.nat(),
      pair: fc.nat(),
      anonymous: fc.boolean(),
      category: fc.constantFrom(...Object.values(BarrierCategory)),
      groups: fc.subarray(Object.values(AffectedGroup), { minLength: 1, maxLength: 3 }),
      corroboratedBy: fc.array(fc.nat(), { maxLength: 2 }),
      changes: fc.array(
        fc.record({ status: fc.constantFrom(...STATUSES), byOtherPair: fc.nat(), withdrawnAfterSubmit: fc.boolean(), target: fc.integer({ min: -30, max: 30 }) }),
        { maxLength: 3 },
      ),
    }),
    { maxLength: 8 },
  ),
  sessions: fc.array(fc.record({ pair: fc.nat(), daysAgo: fc.integer({ min: 0, max: 90 }) }), { maxLength: 6 }),
});

type Model = typeof organisationArb extends fc.Arbitrary<infer T> ? T : never;

async function seed(model: Model) {
  const organisation = await t.make.organisation();
  const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
  const owner = await t.make.person({ organisation, roles: [Role.OWNER] });
  const programmes: { programme: ProgrammeEntity; pairs: PairEntity[] }[] = [];
  const working: PairEntity[] = []; // pairs that can raise, corroborate, propose and log sessions
  for (const spec of model.programmes) {
    const programme = await t.co.programme(organisation);
    const pairs: PairEntity[] = [];
    for (const status of spec.pairs) {
      const senior = await t.make.person({ organisation });
      const junior = await t.make.person({ organisation });
      const pair = await t.co.pair(programme, senior.person, junior.person, { status });
      pairs.push(pair);
      if (status !== PairStatus.PROPOSED) working.push(pair);
    }
    programmes.push({ programme, pairs: pairs.filter((p) => p.status !== PairStatus.PROPOSED) });
  }
  for (const spec of model.barriers) {
    const programme = programmes[spec.programme % programmes.length];
    if (programme.pairs.length === 0) continue;
    const raising = programme.pairs[spec.pair % programme.pairs.length];
    const barrier = await t.co.barrier(raising, {
      category: spec.category,
      affectedGroups: spec.groups,
      attribution: spec.anonymous ? Attribution.ANONYMOUS : Attribution.NAMED,
    });
    for (const n of new Set(spec.corroboratedBy.map((i) => i % working.length))) {
      if (working[n].id !== raising.id) await t.co.corroborate(barrier, working[n], []);
    }
    for (const change of spec.changes) {
      const proposer = change.byOtherPair % 3 === 0 ? working[change.byOtherPair % working.length] : raising;
      await t.co.change(barrier, proposer, owner.person, change.status, momentsOf(change.status, change.withdrawnAfterSubmit, change.target));
    }
  }
  for (const s of model.sessions) if (working.length) await t.co.session(working[s.pair % working.length], s.daysAgo);
  return { organisation, manager, programmes: programmes.map((p) => p.programme) };
}

/** The small-group rule, worked out again from pair counts (proposed pairs cover no one). */
async function withheldWhenNarrowed(organisationId: string): Promise<string[]> {
  const rows: { id: string; pairs: number }[] = await t.server.db.query(
    `SELECT pr.id, count(p.id) FILTER (WHERE p.status <> 'PROPOSED')::int AS pairs FROM programme pr LEFT JOIN pair p ON p.programme_id = pr.id
     WHERE pr.organisation_id = $1 GROUP BY pr.id`,
    [organisationId],
  );
  const small = rows.filter((r) => r.pairs < K);
  if (small.length === 0) return [];
  return small.reduce((n, r) => n + r.pairs, 0) >= K ? small.map((r) => r.id) : rows.map((r) => r.id);
}

/** Every figure of one dashboard, from raw rows. */
async function expectedFigures(organisationId: string, programmeId: string | null, withheld: string[]) {
  const db = t.server.db;
  const today = new Date().toISOString().slice(0, 10);
  const barriers: any[] = (
    await db.query(
      `SELECT b.id, b.category, b.affected_groups::text[] AS groups, b.attribution, p.programme_id FROM barrier b JOIN pair p ON p.id = b.pair_id WHERE b.organisation_id = $1`,
      [organisationId],
    )
  ).filter((b: any) => !(b.attribution === 'ANONYMOUS' && withheld.includes(b.programme_id)));
  const changes: any[] = (
    await db.query(
      `SELECT c.id, c.barrier_id, c.status, c.target_date::text AS target_date, c.submitted_at, c.decided_at, c.started_at, c.adopted_at,
              p.programme_id, b.attribution, rp.programme_id AS barrier_programme_id
       FROM change_proposal c JOIN pair p ON p.id = c.pair_id JOIN barrier b ON b.id = c.barrier_id JOIN pair rp ON rp.id = b.pair_id
       WHERE c.organisation_id = $1`,
      [organisationId],
    )
  ).filter((c: any) => !(c.attribution === 'ANONYMOUS' && withheld.includes(c.barrier_programme_id)));
  const corroborations: { barrier_id: string }[] = await db.query(`SELECT barrier_id FROM barrier_corroboration bc JOIN barrier b ON b.id = bc.barrier_id WHERE b.organisation_id = $1`, [organisationId]);
  const pairs: any[] = await db.query(`SELECT id, status, programme_id FROM pair WHERE organisation_id = $1`, [organisationId]);
  const sessions: { pair_id: string }[] = await db.query(`SELECT s.pair_id FROM mentoring_session s JOIN pair p ON p.id = s.pair_id WHERE p.organisation_id = $1`, [organisationId]);
  const programmes: { id: string }[] = await db.query(`SELECT id FROM programme WHERE organisation_id = $1`, [organisationId]);

  const inScope = (row: { programme_id: string }) => programmeId === null || row.programme_id === programmeId;
  const scopedBarriers = barriers.filter(inScope);
  const scopedChanges = changes.filter(inScope);
  const allChangesOn = (barrierId: string) => changes.filter((c) => c.barrier_id === barrierId);
  const countOf = <T>(rows: T[], test: (row: T) => boolean) => rows.filter(test).length;
  const approved = (c: any) => ['APPROVED', 'IN_PROGRESS', 'ADOPTION_REQUESTED', 'ADOPTED'].includes(c.status) || (c.status === 'WITHDRAWN' && c.started_at !== null);
  const scopedPairs = pairs.filter(inScope);
  const perProgramme = (id: string) => ({
    programmeId: gid('Programme', id),
    pairs: countOf(pairs, (p) => p.programme_id === id),
    barriers: countOf(barriers, (b) => b.programme_id === id),
    changes: countOf(changes, (c) => c.programme_id === id),
    adopted: countOf(changes, (c) => c.programme_id === id && c.status === 'ADOPTED'),
  });
  return {
    steps: {
      BARRIERS_RAISED: scopedBarriers.length,
      BARRIERS_WITH_CHANGE: countOf(scopedBarriers, (b) => allChangesOn(b.id).length > 0),
      CHANGES_PROPOSED: scopedChanges.length,
      SUBMITTED: countOf(scopedChanges, (c) => c.submitted_at !== null),
      APPROVED: countOf(scopedChanges, approved),
      IN_PROGRESS: countOf(scopedChanges, (c) => c.started_at !== null),
      ADOPTED: countOf(scopedChanges, (c) => c.status === 'ADOPTED'),
    },
    byStatus: Object.fromEntries(STATUSES.map((s) => [s, countOf(scopedChanges, (c) => c.status === s)])),
    stageCounts: {
      DRAFTING: countOf(scopedChanges, (c) => c.submitted_at !== null),
      AWAITING_DECISION: countOf(scopedChanges, (c) => c.decided_at !== null && c.submitted_at !== null && c.decided_at >= c.submitted_at),
      AWAITING_START: countOf(scopedChanges, (c) => c.started_at !== null && c.decided_at !== null),
      IN_PROGRESS: countOf(scopedChanges, (c) => c.started_at !== null && c.adopted_at !== null),
      END_TO_END: countOf(scopedChanges, (c) => c.adopted_at !== null),
    },
    overdue: countOf(scopedChanges, (c) => c.target_date < today && !FINISHED.includes(c.status)),
    adopted: countOf(scopedChanges, (c) => c.status === 'ADOPTED'),
    categories: Object.fromEntries(Object.values(BarrierCategory).map((k) => [k, countOf(scopedBarriers, (b) => b.category === k)])),
    groups: Object.fromEntries(Object.values(AffectedGroup).map((k) => [k, countOf(scopedBarriers, (b) => b.groups.includes(k))])),
    corroborated: Object.fromEntries(
      scopedBarriers
        .map((b) => [gid('Barrier', b.id), countOf(corroborations, (c) => c.barrier_id === b.id)] as const)
        .filter(([, n]) => n > 0),
    ),
    pairCount: scopedPairs.length,
    activePairCount: countOf(scopedPairs, (p) => p.status === 'ACTIVE'),
    sessionsLogged: countOf(sessions, (s) => scopedPairs.some((p) => p.id === s.pair_id)),
    programmes: programmes.filter((p) => programmeId === null || p.id === programmeId).map((p) => p.id),
    perProgramme,
  };
}

function check(d: any, expected: Awaited<ReturnType<typeof expectedFigures>>, perProgrammeWithheld: (id: string) => any, noteExpected: boolean) {
  const steps = d.funnel.steps;
  expect(Object.fromEntries(steps.map((s: any) => [s.stage, s.count]))).toEqual(expected.steps);
  // one kind of thing per bar; a bar never outgrows the bar before that counts the same thing
  for (let i = 1; i < steps.length; i++) {
    if (steps[i].unit === steps[i - 1].unit) expect(steps[i].count).toBeLessThanOrEqual(steps[i - 1].count);
    else expect(steps[i].label).toMatch(/can have several/);
  }
  expect(Object.fromEntries(d.funnel.byStatus.map((s: any) => [s.status, s.count]))).toEqual(expected.byStatus);
  expect([d.funnel.rejected, d.funnel.withdrawn]).toEqual([expected.byStatus.REJECTED, expected.byStatus.WITHDRAWN]);
  expect(Object.fromEntries(d.timeToAdoption.map((s: any) => [s.stage, s.changes]))).toEqual(expected.stageCounts);
  expect(d.overdueChanges).toHaveLength(expected.overdue);
  expect(d.adoptedChanges).toHaveLength(expected.adopted);
  expect(Object.fromEntries(d.barriersByCategory.map((c: any) => [c.category, c.barriers]))).toEqual(expected.categories);
  expect(Object.fromEntries(d.barriersByAffectedGroup.map((c: any) => [c.group, c.barriers]))).toEqual(expected.groups);
  expect(Object.fromEntries(d.mostCorroboratedBarriers.map((b: any) => [b.barrierId, b.corroborations]))).toEqual(expected.corroborated);
  expect(d.pairActivity).toEqual({ pairCount: expected.pairCount, activePairCount: expected.activePairCount, sessionsLogged: expected.sessionsLogged });
  expect(d.programmes).toEqual(expect.arrayContaining(expected.programmes.map(perProgrammeWithheld)));
  expect(d.programmes).toHaveLength(expected.programmes.length);
  expect(d.smallGroupNote !== null).toBe(noteExpected);
}

describe('every dashboard figure against counts computed from the rows', () => {
  it('holds for random organisations', async () => {
    await fc.assert(
      fc.asyncProperty(organisationArb, async (model) => {
        const s = await seed(model);
        const withheld = await withheldWhenNarrowed(s.organisation.id);
        // per-programme rows are groups: they always follow the narrowed rule
        const narrowedRows = await expectedFigures(s.organisation.id, null, withheld);
        const api = t.api.as(s.manager.token);

        const { organisationDashboard } = await api.ok(ORGANISATION_DASHBOARD);
        check(organisationDashboard, await expectedFigures(s.organisation.id, null, []), narrowedRows.perProgramme, withheld.length > 0);

        for (const programme of s.programmes) {
          const { programmeDashboard } = await api.ok(PROGRAMME_DASHBOARD, { id: gid('Programme', programme.id) });
          check(programmeDashboard, await expectedFigures(s.organisation.id, programme.id, withheld), narrowedRows.perProgramme, withheld.includes(programme.id));
        }
      }),
      { numRuns: 6 },
    );
  }, 300_000);
});
