import { apiSuite } from '../helpers/suite';
import { gid } from '../helpers/factories';
import { libraryFixtures, CASE } from '../helpers/library';
import { Attribution } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeStatus, type ChangeEntity } from '../../server/src/modules/change/change.entity';
import type { OrganisationEntity } from '../../server/src/modules/organisation/organisation.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { MeasureValueEntity, MeasureValueSource, SustainmentReviewEntity } from '../../server/src/modules/sustainment/sustainment.entity';

/**
 * What boards and the community read of sustainment: the library's "in force at 6 / 12 months"
 * with month-only measure series, and the board report's index per cohort, with the K rule.
 */
const t = apiSuite();

/** Reviews as the owner would have recorded them (true/false), or left open (null), at 6 and 12 months. */
async function reviewed(change: ChangeEntity, at6: boolean | null, at12: boolean | null, values: [number, number] = [0, 0]) {
  const repo = t.server.db.getRepository(SustainmentReviewEntity);
  const adopted = change.adoptedAt ?? new Date();
  for (const [months, inForce, value] of [[6, at6, values[0]], [12, at12, values[1]]] as const) {
    const review = await repo.save({
      organisationId: change.organisationId,
      changeId: change.id,
      months,
      dueOn: new Date(adopted.getTime() + months * 30 * 86_400_000).toISOString().slice(0, 10),
      recordedAt: inForce === null ? null : new Date(adopted.getTime() + months * 30 * 86_400_000),
      recordedById: inForce === null ? null : change.ownerId,
      inForce,
      cancelledAt: at6 === false && months === 12 ? new Date() : null,
    });
    if (inForce !== null && change.successMeasures.length) {
      await t.server.db.getRepository(MeasureValueEntity).save({
        organisationId: change.organisationId,
        changeId: change.id,
        reviewId: review.id,
        metric: change.successMeasures[0].metric,
        value,
        source: MeasureValueSource.REVIEW,
        recordedById: change.ownerId,
        recordedAt: review.recordedAt!,
      });
    }
  }
}

describe('library cases show whether their change is still in force', () => {
  it('in force at 6 and 12 months, with the measure series in months only, for any community member', async () => {
    const fx = libraryFixtures(t.server.db);
    const team = await fx.team();
    const { barrier, changes } = await fx.barrier(team);
    await t.server.db.getRepository('change_proposal').update({ id: changes[0].id }, { adoptedAt: new Date('2025-04-03T10:00:00Z') });
    const change = { ...changes[0], adoptedAt: new Date('2025-04-03T10:00:00Z') } as ChangeEntity;
    await reviewed(change, true, true, [31, 36]);
    const published = await fx.publishCase(t.api, team, barrier);
    const outsider = await fx.team();
    const Q = `query ($id: ID!) { node(id: $id) { ... on SharedCase { sustainment { state inForceAtMonths lastReviewedIn measures { metric target points { kind label value on } } } } } }`;
    const { node } = await t.api.as(outsider.member.token).ok(Q, { id: published.id });
    expect(node.sustainment).toEqual([
      {
        state: 'IN_FORCE',
        inForceAtMonths: [6, 12],
        lastReviewedIn: expect.stringMatching(/^\d{4}-\d{2}$/),
        measures: [
          {
            metric: published.measures[0].metric,
            target: 35,
            points: [
              { kind: 'BASELINE', label: 'Baseline', value: 18, on: null },
              { kind: 'REVIEW', label: '6-month review', value: 31, on: expect.stringMatching(/^\d{4}-\d{2}$/) },
              { kind: 'REVIEW', label: '12-month review', value: 36, on: expect.stringMatching(/^\d{4}-\d{2}$/) },
            ],
          },
        ],
      },
    ]);
    // A case whose change awaits confirmation is "in progress", with nothing to show yet.
    const second = await fx.barrier(team, { title: 'Rotas published too late for carers', changes: [{ status: ChangeStatus.ADOPTION_REQUESTED }] });
    const pending = await fx.publishCase(t.api, team, second.barrier);
    const seen = await t.api.as(outsider.member.token).ok(`query ($id: ID!) { node(id: $id) { ... on SharedCase { outcome sustainment { state } } } }`, { id: pending.id });
    expect(seen.node).toEqual({ outcome: 'IN_PROGRESS', sustainment: [] });
    void CASE;
  });
});

describe("the board report's sustainment index per cohort", () => {
  async function cohort(organisation: OrganisationEntity, name: string, size: number, owner: { person: any }) {
    const programme = await t.co.programme(organisation, { name });
    const pairs: Awaited<ReturnType<typeof t.co.pair>>[] = [];
    for (let i = 0; i < size; i++) pairs.push(await t.co.pair(programme, (await t.make.person({ organisation })).person, (await t.make.person({ organisation })).person));
    return { programme, pairs, adopt: async (anonymous: boolean) => {
      const barrier = await t.co.barrier(pairs[0], anonymous ? { attribution: Attribution.ANONYMOUS } : {});
      return t.co.change(barrier, pairs[0], owner.person, ChangeStatus.ADOPTED, { created: 500, submitted: 490, decided: 480, started: 470, adopted: 400, target: 300 });
    } };
  }

  it('counts adopted changes still in force at each review ÷ reviewed; anonymous barriers of small cohorts are left out of the per-cohort figures', async () => {
    const organisation = await t.make.organisation();
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const owner = await t.make.person({ organisation, roles: [Role.OWNER] });
    const big = await cohort(organisation, 'Cohort of five', 5, owner);
    const small = await cohort(organisation, 'Cohort of one', 1, owner);
    // Five pairs: three named changes (in force, in force; in force then lapsed at 12; lapsed at 6) and an anonymous one in force.
    await reviewed(await big.adopt(false), true, true);
    await reviewed(await big.adopt(false), true, false);
    await reviewed(await big.adopt(false), false, null);
    await reviewed(await big.adopt(true), true, null);
    // One pair: a named change in force at 6, and an anonymous one that lapsed, which must not show per cohort.
    await reviewed(await small.adopt(false), true, null);
    await reviewed(await small.adopt(true), false, null);

    const Q = `{ organisationDashboard { smallGroupNote sustainment { name adopted points { months reviewed inForce missed index } } } }`;
    const { organisationDashboard: d } = await t.api.as(manager.token).ok(Q);
    const byName = Object.fromEntries(d.sustainment.map((c: { name: string }) => [c.name, c]));
    // The small cohorts together cover fewer than 5 pairs, so per-cohort figures leave out the
    // anonymous barriers of every cohort (anonymity.ts): the big cohort's anonymous change too.
    expect(byName['Cohort of five']).toEqual({
      name: 'Cohort of five',
      adopted: 3,
      points: [
        { months: 6, reviewed: 3, inForce: 2, missed: 0, index: 0.667 },
        // 12 months: two recorded (one in force), and the one that lapsed at 6 counts as not in force.
        { months: 12, reviewed: 3, inForce: 1, missed: 0, index: 0.333 },
      ],
    });
    expect(byName['Cohort of one']).toEqual({ name: 'Cohort of one', adopted: 1, points: [{ months: 6, reviewed: 1, inForce: 1, missed: 0, index: 1 }, { months: 12, reviewed: 0, inForce: 0, missed: 1, index: null }] });
    expect(d.smallGroupNote).not.toBeNull();

    // The small cohort's own dashboard withholds its anonymous change the same way.
    const P = `query ($id: ID!) { programmeDashboard(programmeId: $id) { sustainment { name points { months reviewed inForce } } adoptedChanges { title sustainment { state } } } }`;
    const narrowed = (await t.api.as(manager.token).ok(P, { id: gid('Programme', small.programme.id) })).programmeDashboard;
    expect(narrowed.sustainment).toEqual([{ name: 'Cohort of one', points: [{ months: 6, reviewed: 1, inForce: 1 }, { months: 12, reviewed: 0, inForce: 0 }] }]);
    expect(narrowed.adoptedChanges.map((c: { sustainment: { state: string } }) => c.sustainment.state)).toEqual(['REVIEW_MISSED']);

    // Owners see only their own changes on the dashboard: no cohort index.
    const asOwner = await t.api.as(owner.token).ok(`{ organisationDashboard { sustainment { name } } }`);
    expect(asOwner.organisationDashboard.sustainment).toBeNull();
  });
});
