import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../common/relay';
import { AffectedGroup, BarrierCategory, BarrierStatus } from '../barrier/barrier.entity';
import { ChangeStatus } from '../change/change.entity';
import { AdoptionEvidence, SuccessMeasure } from '../change/change.type';
import { Organisation } from '../organisation/organisation.type';
import { PairStatus } from '../pair/pair.entity';
import { Cadence, ProgrammeStatus } from '../programme/programme.entity';
import { DashboardAccess } from './insight.policy';
import type {
  AdoptedChangeRow,
  CorroboratedBarrierRow,
  FunnelRow,
  InsightScope,
  OverdueChangeRow,
  OverdueOwnerRow,
  PairActivityRow,
  ProgrammeBreakdownRow,
} from './insight.service';

registerEnumType(DashboardAccess, {
  name: 'DashboardAccess',
  description: 'How much of a dashboard the viewer sees.',
  valuesConfig: {
    FULL: { description: 'A programme manager: every figure of the organisation.' },
    OWN_CHANGES: { description: 'An owner: the funnel, time to adoption and overdue list of the changes they own.' },
  },
});

export enum FunnelStage {
  BARRIERS_RAISED = 'BARRIERS_RAISED',
  BARRIERS_WITH_CHANGE = 'BARRIERS_WITH_CHANGE',
  CHANGES_PROPOSED = 'CHANGES_PROPOSED',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  IN_PROGRESS = 'IN_PROGRESS',
  ADOPTED = 'ADOPTED',
}
registerEnumType(FunnelStage, {
  name: 'FunnelStage',
  description: 'A stage of the change funnel, from barrier to adopted change.',
  valuesConfig: {
    BARRIERS_RAISED: { description: 'Barriers raised (counts barriers).' },
    BARRIERS_WITH_CHANGE: { description: 'Barriers with at least one change proposed (counts barriers).' },
    CHANGES_PROPOSED: { description: 'Changes proposed (counts changes; a barrier can have several).' },
    SUBMITTED: { description: 'Changes submitted for a decision.' },
    APPROVED: { description: 'Changes approved.' },
    IN_PROGRESS: { description: 'Changes started.' },
    ADOPTED: { description: 'Changes adopted.' },
  },
});

export enum FunnelUnit {
  BARRIERS = 'BARRIERS',
  CHANGES = 'CHANGES',
}
registerEnumType(FunnelUnit, { name: 'FunnelUnit', description: 'What a funnel bar counts: barriers or changes, never both.' });

/** Each stage: what it counts and the words a person reads; the label says why a stage may outgrow the one before. */
const FUNNEL_STAGES: { stage: FunnelStage; unit: FunnelUnit; label: string }[] = [
  { stage: FunnelStage.BARRIERS_RAISED, unit: FunnelUnit.BARRIERS, label: 'Barriers raised' },
  { stage: FunnelStage.BARRIERS_WITH_CHANGE, unit: FunnelUnit.BARRIERS, label: 'Barriers with a change proposed' },
  { stage: FunnelStage.CHANGES_PROPOSED, unit: FunnelUnit.CHANGES, label: 'Changes proposed (a barrier can have several)' },
  { stage: FunnelStage.SUBMITTED, unit: FunnelUnit.CHANGES, label: 'Changes submitted' },
  { stage: FunnelStage.APPROVED, unit: FunnelUnit.CHANGES, label: 'Changes approved' },
  { stage: FunnelStage.IN_PROGRESS, unit: FunnelUnit.CHANGES, label: 'Changes started' },
  { stage: FunnelStage.ADOPTED, unit: FunnelUnit.CHANGES, label: 'Changes adopted' },
];

export enum ChangeStage {
  DRAFTING = 'DRAFTING',
  AWAITING_DECISION = 'AWAITING_DECISION',
  AWAITING_START = 'AWAITING_START',
  IN_PROGRESS = 'IN_PROGRESS',
  END_TO_END = 'END_TO_END',
}
registerEnumType(ChangeStage, {
  name: 'ChangeStage',
  description: 'A stretch of a change proposal’s life, for time-to-adoption figures.',
  valuesConfig: {
    DRAFTING: { description: 'Proposed to (last) submitted.' },
    AWAITING_DECISION: { description: 'Submitted to decided.' },
    AWAITING_START: { description: 'Approved to started.' },
    IN_PROGRESS: { description: 'Started to adopted.' },
    END_TO_END: { description: 'Proposed to adopted.' },
  },
});

/** A share from 0 to 1, to 3 decimals; null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

@ObjectType({ description: 'How many reached one stage of the funnel, and what share of the stage before.' })
export class FunnelStep {
  @Field(() => FunnelStage)
  stage: FunnelStage;

  @Field(() => FunnelUnit, { description: 'What this bar counts.' })
  unit: FunnelUnit;

  @Field({ description: 'What this bar counts, in words a person reads.' })
  label: string;

  @Field(() => Int, { description: 'How many reached this stage, whatever happened to them later; never more than the stage before when both count the same thing.' })
  count: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share (0 to 1) of the previous stage that reached this one. Null for the first stage, for the first stage counting changes (the one before counts barriers), and when the previous one is empty.',
  })
  conversionRate: number | null;
}

@ObjectType({ description: 'How many changes are in a status now.' })
export class StatusCount {
  @Field(() => ChangeStatus)
  status: ChangeStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Barriers raised → changes proposed → submitted → approved → in progress → adopted, with the exits.' })
export class ChangeFunnel {
  @Field(() => [FunnelStep], { description: 'In order: barriers, then changes. An owner’s funnel starts at CHANGES_PROPOSED.' })
  steps: FunnelStep[];

  @Field(() => Int, { nullable: true, description: 'Barriers with at least one adopted change; null for owners.' })
  barriersWithAdoptedChange: number | null;

  @Field(() => Int)
  rejected: number;

  @Field(() => Int)
  withdrawn: number;

  @Field(() => Float, { nullable: true, description: 'Share (0 to 1) of proposed changes that were adopted.' })
  adoptionRate: number | null;

  @Field(() => [StatusCount], { description: 'Every status with its current count, zeros included.' })
  byStatus: StatusCount[];

  static from(row: FunnelRow, includeBarriers: boolean): ChangeFunnel {
    const counts: Record<FunnelStage, number> = {
      BARRIERS_RAISED: row.barriers_raised,
      BARRIERS_WITH_CHANGE: row.barriers_with_change,
      CHANGES_PROPOSED: row.proposed,
      SUBMITTED: row.submitted,
      APPROVED: row.approved,
      IN_PROGRESS: row.in_progress,
      ADOPTED: row.adopted,
    };
    const shown = FUNNEL_STAGES.filter((s) => includeBarriers || s.unit === FunnelUnit.CHANGES);
    const steps = shown.map(({ stage, unit, label }, i) => {
      const before = shown[i - 1];
      return {
        stage,
        unit,
        label,
        count: counts[stage],
        conversionRate: before && before.unit === unit ? rate(counts[stage], counts[before.stage]) : null,
      };
    });
    const now: Record<ChangeStatus, number> = {
      DRAFT: row.now_draft,
      SUBMITTED: row.now_submitted,
      APPROVED: row.now_approved,
      REJECTED: row.rejected,
      IN_PROGRESS: row.now_in_progress,
      ADOPTION_REQUESTED: row.now_adoption_requested,
      ADOPTED: row.adopted,
      WITHDRAWN: row.withdrawn,
    };
    return Object.assign(new ChangeFunnel(), {
      steps,
      barriersWithAdoptedChange: includeBarriers ? row.barriers_with_adopted_change : null,
      rejected: row.rejected,
      withdrawn: row.withdrawn,
      adoptionRate: rate(row.adopted, row.proposed),
      byStatus: Object.values(ChangeStatus).map((status) => ({ status, count: now[status] })),
    });
  }
}

@ObjectType({ description: 'The median days changes spent in one stage.' })
export class StageDuration {
  @Field(() => ChangeStage)
  stage: ChangeStage;

  @Field(() => Float, { nullable: true, description: 'Median days, to one decimal; null when no change has passed this stage.' })
  medianDays: number | null;

  @Field(() => Int, { description: 'How many changes the median is taken over.' })
  changes: number;

  static listFrom(row: FunnelRow): StageDuration[] {
    const pairs: [ChangeStage, number | null, number][] = [
      [ChangeStage.DRAFTING, row.drafting_days, row.drafting_n],
      [ChangeStage.AWAITING_DECISION, row.deciding_days, row.deciding_n],
      [ChangeStage.AWAITING_START, row.awaiting_start_days, row.awaiting_start_n],
      [ChangeStage.IN_PROGRESS, row.in_progress_days, row.in_progress_n],
      [ChangeStage.END_TO_END, row.end_to_end_days, row.end_to_end_n],
    ];
    return pairs.map(([stage, medianDays, changes]) => ({ stage, medianDays, changes }));
  }
}

@ObjectType({ description: 'One owner’s overdue changes: past their target date and not adopted, rejected or withdrawn.' })
export class OverdueOwner {
  ownerId: string;

  @Field(() => Int)
  overdueCount: number;

  @Field({ description: 'The earliest target date among them (YYYY-MM-DD).' })
  oldestTargetDate: string;

  @Field(() => Int)
  maxDaysOverdue: number;

  static from(row: OverdueOwnerRow): OverdueOwner {
    return Object.assign(new OverdueOwner(), {
      ownerId: row.owner_id,
      overdueCount: row.overdue,
      oldestTargetDate: row.oldest_target_date,
      maxDaysOverdue: row.max_days_overdue,
    });
  }
}

@ObjectType({ description: 'A change past its target date that is not adopted, rejected or withdrawn.' })
export class OverdueChange {
  ownerId: string;

  @Field(() => ID, { description: 'The change’s global id.' })
  changeId: string;

  @Field()
  title: string;

  @Field(() => ChangeStatus)
  status: ChangeStatus;

  @Field({ description: 'YYYY-MM-DD.' })
  targetDate: string;

  @Field(() => Int)
  daysOverdue: number;

  @Field(() => Int, { description: 'Progress reported, 0 to 100.' })
  progress: number;

  static from(row: OverdueChangeRow): OverdueChange {
    return Object.assign(new OverdueChange(), {
      ownerId: row.owner_id,
      changeId: toGlobalId('Change', row.id),
      title: row.title,
      status: row.status,
      targetDate: row.target_date,
      daysOverdue: row.days_overdue,
      progress: row.progress,
    });
  }
}

@ObjectType({ description: 'How many barriers are in one category.' })
export class CategoryCount {
  @Field(() => BarrierCategory)
  category: BarrierCategory;

  @Field(() => Int)
  barriers: number;
}

@ObjectType({ description: 'How many barriers affect one group.' })
export class AffectedGroupCount {
  @Field(() => AffectedGroup)
  group: AffectedGroup;

  @Field(() => Int)
  barriers: number;
}

@ObjectType({ description: 'A barrier other pairs see too: the systemic ones. It never names the raising pair.' })
export class CorroboratedBarrier {
  @Field(() => ID, { description: 'The barrier’s global id.' })
  barrierId: string;

  @Field()
  title: string;

  @Field(() => BarrierCategory)
  category: BarrierCategory;

  @Field(() => BarrierStatus)
  status: BarrierStatus;

  @Field(() => [AffectedGroup])
  affectedGroups: AffectedGroup[];

  @Field(() => Int, { description: 'How many other pairs corroborated it.' })
  corroborations: number;

  @Field(() => Int, { description: 'How many divisions the corroborating pairs work in.' })
  divisions: number;

  @Field(() => Int, { description: 'How many changes address it.' })
  changes: number;

  static from(row: CorroboratedBarrierRow): CorroboratedBarrier {
    return Object.assign(new CorroboratedBarrier(), {
      barrierId: toGlobalId('Barrier', row.id),
      title: row.title,
      category: row.category,
      status: row.status,
      affectedGroups: row.affected_groups,
      corroborations: row.corroborations,
      divisions: row.divisions,
      changes: row.changes,
    });
  }
}

@ObjectType({ description: 'One pair’s sessions against its contract’s cadence. Session notes are never part of it.' })
export class PairActivityEntry {
  seniorId: string;
  juniorId: string;

  @Field(() => ID, { description: 'The pair’s global id.' })
  pairId: string;

  @Field(() => PairStatus)
  status: PairStatus;

  @Field(() => Cadence, { description: 'From the latest contract both agreed; the programme’s until then.' })
  cadence: Cadence;

  @Field(() => Int)
  sessionsLogged: number;

  @Field(() => Int, { nullable: true, description: 'One per cadence interval since the contract was agreed, to today or the programme’s end; null before a contract is agreed.' })
  sessionsExpected: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  lastSessionOn: string | null;

  @Field(() => Int, { nullable: true })
  daysSinceLastSession: number | null;

  @Field(() => Int, { description: 'Sessions logged as conversations.' })
  conversations: number;

  @Field(() => Int, { description: 'Sessions logged as shadowing or visits.' })
  shadowing: number;

  @Field(() => Int, { description: 'Group sessions: logged as such by the pair, or held with either co-learner recorded as attending.' })
  groupSessions: number;

  @Field({ description: 'An active pair with no session for more than twice its cadence interval (or none at all, once older than that), and none booked ahead.' })
  quiet: boolean;

  static from(row: PairActivityRow): PairActivityEntry {
    return Object.assign(new PairActivityEntry(), {
      seniorId: row.senior_id,
      juniorId: row.junior_id,
      pairId: toGlobalId('Pair', row.id),
      status: row.status,
      cadence: row.cadence,
      sessionsLogged: row.sessions,
      sessionsExpected: row.expected,
      lastSessionOn: row.last_held_on,
      daysSinceLastSession: row.days_since_last,
      conversations: row.conversations,
      shadowing: row.shadowing,
      groupSessions: row.group_sessions,
      quiet: row.quiet,
    });
  }
}

@ObjectType({ description: 'Sessions logged per pair against the cadence, and the pairs that have gone quiet.' })
export class PairActivity {
  all: PairActivityEntry[];

  @Field(() => Int)
  pairCount: number;

  @Field(() => Int)
  activePairCount: number;

  @Field(() => Int)
  quietPairCount: number;

  @Field(() => Int)
  sessionsLogged: number;

  @Field(() => Int, { description: 'Summed over pairs with an agreed contract.' })
  sessionsExpected: number;

  static from(rows: PairActivityRow[]): PairActivity {
    const all = rows.map(PairActivityEntry.from);
    return Object.assign(new PairActivity(), {
      all,
      pairCount: all.length,
      activePairCount: all.filter((p) => p.status === PairStatus.ACTIVE).length,
      quietPairCount: all.filter((p) => p.quiet).length,
      sessionsLogged: all.reduce((sum, p) => sum + p.sessionsLogged, 0),
      sessionsExpected: all.reduce((sum, p) => sum + (p.sessionsExpected ?? 0), 0),
    });
  }
}

@ObjectType({ description: 'One programme of the organisation, in figures.' })
export class ProgrammeFigures {
  @Field(() => ID, { description: 'The programme’s global id.' })
  programmeId: string;

  @Field()
  name: string;

  @Field(() => ProgrammeStatus)
  status: ProgrammeStatus;

  @Field({ description: 'YYYY-MM-DD.' })
  startsOn: string;

  @Field({ description: 'YYYY-MM-DD.' })
  endsOn: string;

  @Field(() => Int)
  pairs: number;

  @Field(() => Int)
  barriers: number;

  @Field(() => Int)
  changes: number;

  @Field(() => Int)
  adopted: number;

  static from(row: ProgrammeBreakdownRow): ProgrammeFigures {
    return Object.assign(new ProgrammeFigures(), {
      programmeId: toGlobalId('Programme', row.id),
      name: row.name,
      status: row.status,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      pairs: row.pairs,
      barriers: row.barriers,
      changes: row.changes,
      adopted: row.adopted,
    });
  }
}

@ObjectType({ description: 'An adopted change with its evidence, for the board report.' })
export class AdoptedChange {
  ownerId: string;

  @Field(() => ID, { description: 'The change’s global id.' })
  changeId: string;

  @Field()
  title: string;

  @Field()
  adoptedAt: Date;

  @Field({ description: 'The barrier it addresses.' })
  barrierTitle: string;

  @Field(() => BarrierCategory)
  barrierCategory: BarrierCategory;

  @Field(() => AdoptionEvidence, { nullable: true })
  evidence: AdoptionEvidence | null;

  @Field(() => [SuccessMeasure])
  successMeasures: SuccessMeasure[];

  static from(row: AdoptedChangeRow): AdoptedChange {
    const evidence = row.adoption_evidence;
    return Object.assign(new AdoptedChange(), {
      ownerId: row.owner_id,
      changeId: toGlobalId('Change', row.id),
      title: row.title,
      adoptedAt: row.adopted_at,
      barrierTitle: row.barrier_title,
      barrierCategory: row.barrier_category,
      evidence: evidence ? AdoptionEvidence.from(evidence) : null,
      successMeasures: (row.success_measures ?? []).map(SuccessMeasure.from),
    });
  }
}

@ObjectType({
  description:
    'Programme insight for an organisation or one programme. Managers see every figure; an owner sees the funnel, time to adoption and overdue list of the changes they own, and null elsewhere.',
})
export class Dashboard {
  scope: InsightScope;
  /** The funnel statement's result, shared by `funnel` and `timeToAdoption`. */
  funnelRow?: Promise<FunnelRow>;

  @Field(() => Organisation)
  organisation: Organisation;

  @Field({ description: 'The programme’s name on a programme dashboard, else the organisation’s.' })
  title: string;

  @Field(() => DashboardAccess)
  access: DashboardAccess;

  @Field({ description: 'The day overdue and quiet are measured against (YYYY-MM-DD, UTC).' })
  asOf: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Set where a figure here covers a group of fewer than 5 pairs: says that some items are withheld there (counted only organisation-wide), never how many. Null otherwise.',
  })
  smallGroupNote: string | null;
}
