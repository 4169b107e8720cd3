import type { DataSource, EntityManager } from 'typeorm';
import { AffectedGroup, Attribution, BarrierCategory, BarrierEntity, BarrierStatus } from '../barrier/barrier.entity';
import { ChangeEntity, ChangeStatus, DecisionEntity, DecisionOutcome } from '../change/change.entity';
import { EventEntity, EventKind, type Facts } from '../history/event.entity';
import { NotificationEntity, NotificationKind } from '../notification/notification.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PairEntity, PairStatus } from '../pair/pair.entity';
import { MembershipEntity, Role } from '../person/membership.entity';
import { PersonEntity, personWithSecrets } from '../person/person.entity';
import { Cadence, ProgrammeEntity, ProgrammeStatus } from '../programme/programme.entity';
import { MeasureValueEntity, MeasureValueSource, SustainmentReviewEntity } from './sustainment.entity';
import type { Context } from '../../context';
import { addMonths, SustainmentService } from './sustainment.service';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Sustainment in the demo: last year's cohort, whose pair (Ife and Lou) saw two changes adopted
 * more than a year ago. One was reviewed at 6 and 12 months and is still in force; the other was
 * found no longer in force at its 6-month review, which reopened its barrier. Sid Sponsor, a
 * non-executive director, confirms adoptions where an owner has a conflict of interest.
 */
export async function seedDemoSustainment(db: DataSource): Promise<void> {
  await db.transaction(async (tx) => {
    const northshore = await tx.getRepository(OrganisationEntity).findOneByOrFail({ slug: 'northshore' });
    const org = northshore.id;
    // The demo's shared password, hashed once already (argon2 is slow on purpose).
    const { passwordHash } = (await personWithSecrets(tx, { email: 'pat.manager@northshore.example' }))!;
    const person = async (email: string, displayName: string, roles: Role[], jobTitle: string, division: string) => {
      const p = await tx.getRepository(PersonEntity).save({ email, displayName, passwordHash, isPlatformAdmin: false });
      await tx.getRepository(MembershipEntity).save({ personId: p.id, organisationId: org, roles, jobTitle, division });
      return p.id;
    };
    await person('sid.sponsor@northshore.example', 'Sid Sponsor', [Role.SPONSOR], 'Non-Executive Director', 'Trust Board');
    const ife = await person('ife.senior@northshore.example', 'Ife Senior', [Role.CO_LEARNER], 'Head of Pharmacy', 'Pharmacy');
    const lou = await person('lou.junior@northshore.example', 'Lou Junior', [Role.CO_LEARNER], 'Night Sister', 'Theatres');
    const owner = (email: string) => tx.getRepository(PersonEntity).findOneByOrFail({ email }).then((p) => p.id);
    const dee = await owner('dee.owner@northshore.example');
    const olu = await owner('olu.owner@northshore.example');

    const year = new Date().getUTCFullYear() - 1;
    const programme = await tx.getRepository(ProgrammeEntity).save({
      organisationId: org,
      name: `${year} Reciprocal Mentoring Cohort`,
      description: "Last year's cohort: its changes are now reviewed to see that they last.",
      startsOn: `${year - 1}-10-01`,
      endsOn: `${year}-09-30`,
      sessionCadence: Cadence.MONTHLY,
      status: ProgrammeStatus.CLOSED,
      createdAt: daysAgo(800),
    });
    const pair = await tx.getRepository(PairEntity).save({ programmeId: programme.id, organisationId: org, seniorId: ife, juniorId: lou, status: PairStatus.COMPLETED, createdAt: daysAgo(780) });

    await story(tx, { org, pair, ownerId: dee, confirmedBy: dee }, {
      barrierTitle: 'Night staff cannot get to mandatory training',
      barrierText: 'Mandatory training runs only in weekday daytime, so night staff, disproportionately from minority ethnic backgrounds, attend in their own time or fall out of date.',
      groups: [AffectedGroup.RACE, AffectedGroup.SEX],
      title: 'Mandatory training offered in night-shift hours',
      whatChanges: 'Every mandatory module is offered monthly between 02:00 and 05:00 on site, and counts as paid time.',
      metric: 'Night staff up to date with mandatory training',
      baseline: 54,
      target: 90,
      values: [71, 83, 88],
      adoptedAgo: 430,
      reviews: [{ inForce: true, note: 'Sessions run every month; attendance steady.' }, { inForce: true, note: 'Still running; now part of the training calendar for good.' }],
    });
    await story(tx, { org, pair, ownerId: olu, confirmedBy: olu }, {
      barrierTitle: 'Bank and agency staff are left out of staff networks',
      barrierText: 'Staff networks invite substantive staff only, so bank and agency colleagues, many of them from minority ethnic backgrounds, have no voice in them.',
      groups: [AffectedGroup.RACE],
      title: 'Staff networks open to bank and agency staff',
      whatChanges: "The networks' terms of reference include bank and agency staff, and invitations go to the bank's mailing list.",
      metric: 'Bank and agency members of staff networks',
      baseline: 3,
      target: 60,
      values: [41, 12],
      adoptedAgo: 330,
      reviews: [{ inForce: false, note: "The networks' new terms of reference quietly dropped bank and agency staff again." }],
    });

    // The story's other adopted changes were confirmed recently: their reviews are scheduled, not due yet.
    const recent = await tx.query(`SELECT c.id FROM change_proposal c WHERE c.status = 'ADOPTED' AND NOT EXISTS (SELECT 1 FROM sustainment_review r WHERE r.change_id = c.id)`);
    for (const { id } of recent as { id: string }[]) {
      const change = await tx.getRepository(ChangeEntity).findOneByOrFail({ id });
      await new SustainmentService({} as Context).startInTransaction(tx, change, change.ownerId);
    }
  });
}

interface Story {
  barrierTitle: string;
  barrierText: string;
  groups: AffectedGroup[];
  title: string;
  whatChanges: string;
  metric: string;
  baseline: number;
  target: number;
  /** At adoption, then one per review recorded. */
  values: number[];
  adoptedAgo: number;
  reviews: { inForce: boolean; note: string }[];
}

async function story(tx: EntityManager, ctx: { org: string; pair: PairEntity; ownerId: string; confirmedBy: string }, s: Story) {
  const { org, pair, ownerId } = ctx;
  const event = (e: Partial<EventEntity> & { kind: EventKind; actorId: string; at: Date; detail?: Facts }) =>
    tx.getRepository(EventEntity).insert({ organisationId: org, detail: {}, ...e, createdAt: e.at });
  const adoptedAt = daysAgo(s.adoptedAgo);
  const raisedAt = daysAgo(s.adoptedAgo + 240);
  const barrier = await tx.getRepository(BarrierEntity).save({
    organisationId: org,
    pairId: pair.id,
    raisedById: pair.juniorId,
    title: s.barrierTitle,
    description: s.barrierText,
    category: BarrierCategory.CULTURE,
    affectedGroups: s.groups,
    evidence: [],
    attribution: Attribution.NAMED,
    status: BarrierStatus.ADDRESSED,
    createdAt: raisedAt,
  });
  await event({ kind: EventKind.BARRIER_RAISED, actorId: pair.juniorId, barrierId: barrier.id, toStatus: BarrierStatus.OPEN, at: raisedAt });
  const lapsed = s.reviews.some((r) => !r.inForce);
  const measure = { metric: s.metric, unit: '%', baseline: s.baseline, target: s.target, current: s.values.at(-1)! };
  const change = await tx.getRepository(ChangeEntity).save({
    organisationId: org,
    barrierId: barrier.id,
    pairId: pair.id,
    proposedById: pair.seniorId,
    ownerId,
    title: s.title,
    whatChanges: s.whatChanges,
    expectedImpact: 'Everyone affected takes part on the same terms within a year.',
    targetDate: dayOf(daysAgo(s.adoptedAgo - 30)),
    status: ChangeStatus.ADOPTED,
    progress: 100,
    successMeasures: [measure],
    adoptionEvidence: { policyOrProcess: s.title, effectiveFrom: dayOf(daysAgo(s.adoptedAgo + 10)), link: null, summary: null },
    submittedAt: daysAgo(s.adoptedAgo + 200),
    decidedAt: daysAgo(s.adoptedAgo + 190),
    startedAt: daysAgo(s.adoptedAgo + 180),
    adoptedAt,
    createdAt: daysAgo(s.adoptedAgo + 210),
  });
  const ids = { barrierId: barrier.id, changeId: change.id };
  const rationale = 'Cheap to do and the evidence is clear. Approved.';
  await tx.getRepository(DecisionEntity).save({ changeId: change.id, deciderId: ownerId, outcome: DecisionOutcome.APPROVE, rationale, createdAt: daysAgo(s.adoptedAgo + 190) });
  const steps: [EventKind, ChangeStatus | null, ChangeStatus, string, number, Facts][] = [
    [EventKind.CHANGE_PROPOSED, null, ChangeStatus.DRAFT, pair.seniorId, s.adoptedAgo + 210, {}],
    [EventKind.CHANGE_SUBMITTED, ChangeStatus.DRAFT, ChangeStatus.SUBMITTED, pair.seniorId, s.adoptedAgo + 200, {}],
    [EventKind.CHANGE_DECIDED, ChangeStatus.SUBMITTED, ChangeStatus.APPROVED, ownerId, s.adoptedAgo + 190, { outcome: DecisionOutcome.APPROVE, rationale }],
    [EventKind.CHANGE_STARTED, ChangeStatus.APPROVED, ChangeStatus.IN_PROGRESS, ownerId, s.adoptedAgo + 180, {}],
    [EventKind.CHANGE_ADOPTION_REQUESTED, ChangeStatus.IN_PROGRESS, ChangeStatus.ADOPTION_REQUESTED, pair.juniorId, s.adoptedAgo + 3, { policyOrProcess: s.title }],
    [EventKind.CHANGE_ADOPTED, ChangeStatus.ADOPTION_REQUESTED, ChangeStatus.ADOPTED, ctx.confirmedBy, s.adoptedAgo, { confirmedAs: 'OWNER', sponsorReason: null, note: s.title }],
  ];
  for (const [kind, fromStatus, toStatus, actorId, ago, detail] of steps) await event({ kind, actorId, ...ids, fromStatus, toStatus, detail, at: daysAgo(ago) });
  await event({ kind: EventKind.BARRIER_STATUS_CHANGED, actorId: ctx.confirmedBy, barrierId: barrier.id, fromStatus: BarrierStatus.OPEN, toStatus: BarrierStatus.ADDRESSED, at: adoptedAt });

  const values = tx.getRepository(MeasureValueEntity);
  await values.insert({ organisationId: org, changeId: change.id, metric: s.metric, value: s.values[0], source: MeasureValueSource.ADOPTION, recordedById: ctx.confirmedBy, recordedAt: adoptedAt });
  const adoptedOn = dayOf(adoptedAt);
  for (const [index, months] of [6, 12].entries()) {
    const recorded = s.reviews[index];
    const recordedAt = new Date(`${addMonths(adoptedOn, months)}T10:00:00Z`);
    const review = await tx.getRepository(SustainmentReviewEntity).save({
      organisationId: org,
      changeId: change.id,
      months,
      dueOn: addMonths(adoptedOn, months),
      recordedAt: recorded ? recordedAt : null,
      recordedById: recorded ? ownerId : null,
      inForce: recorded?.inForce ?? null,
      note: recorded?.note ?? null,
      cancelledAt: !recorded && lapsed ? new Date(`${addMonths(adoptedOn, 6)}T10:00:00Z`) : null,
    });
    if (!recorded) continue;
    await values.insert({ organisationId: org, changeId: change.id, reviewId: review.id, metric: s.metric, value: s.values[index + 1], source: MeasureValueSource.REVIEW, recordedById: ownerId, recordedAt });
    await event({ kind: EventKind.CHANGE_REVIEW_RECORDED, actorId: ownerId, ...ids, fromStatus: ChangeStatus.ADOPTED, toStatus: ChangeStatus.ADOPTED, detail: { months, inForce: recorded.inForce, note: recorded.note }, at: recordedAt });
    if (!recorded.inForce) {
      await tx.getRepository(BarrierEntity).update(barrier.id, { status: BarrierStatus.OPEN });
      await event({
        kind: EventKind.BARRIER_STATUS_CHANGED,
        actorId: ownerId,
        barrierId: barrier.id,
        fromStatus: BarrierStatus.ADDRESSED,
        toStatus: BarrierStatus.OPEN,
        detail: { reason: `“${s.title}” is no longer in force (${months}-month review): ${recorded.note}`, changeId: change.id },
        at: recordedAt,
      });
      await tx.getRepository(NotificationEntity).insert(
        [pair.seniorId, pair.juniorId].map((recipientId) => ({
          recipientId,
          organisationId: org,
          kind: NotificationKind.CHANGE_LAPSED,
          actorId: ownerId,
          ...ids,
          detail: { months, reason: recorded.note },
          createdAt: recordedAt,
          readAt: recordedAt,
        })),
      );
    }
  }
  await tx.getRepository(ChangeEntity).update(change.id, { version: 1 + steps.length + s.reviews.length });
}
