import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { today } from '../../common/dates';
import type { ChangeEntity } from '../change/change.entity';
import { Confirmer, SponsorReason } from './adoption-confirmation';
import { MeasureValueSource, type MeasureValueEntity, type SustainmentReviewEntity } from './sustainment.entity';

registerEnumType(Confirmer, { name: 'AdoptionConfirmer', description: 'Who confirms an adoption: the owner, or a sponsor where the owner has a conflict of interest.' });
registerEnumType(SponsorReason, { name: 'SponsorReason', description: 'Why a sponsor, not the owner, confirms an adoption.' });

export enum SustainmentState {
  /** Adopted; no review recorded yet, none overdue. */
  AWAITING_REVIEW = 'AWAITING_REVIEW',
  /** Every review recorded so far found it in force, none overdue. */
  IN_FORCE = 'IN_FORCE',
  /** A review's day has passed without a record: the change is flagged. */
  REVIEW_MISSED = 'REVIEW_MISSED',
  /** A review found it no longer in force; its barrier was reopened. */
  LAPSED = 'LAPSED',
}
registerEnumType(SustainmentState, { name: 'SustainmentState', description: 'Whether an adopted change is still in force, by its reviews.' });

export enum MeasurePointKind {
  BASELINE = 'BASELINE',
  ADOPTION = 'ADOPTION',
  REVIEW = 'REVIEW',
}
registerEnumType(MeasurePointKind, { name: 'MeasurePointKind', description: 'Where a point of a measure series comes from.' });

@ObjectType('AdoptionConfirmation', { description: 'Who must confirm this adoption, and why a sponsor where it is not the owner.' })
export class AdoptionConfirmationType {
  @Field(() => Confirmer)
  confirmer: Confirmer;
  @Field(() => SponsorReason, { nullable: true })
  reason: SponsorReason | null;
}

@ObjectType('SustainmentReview', { description: 'A scheduled check that an adopted change is still in force. Dates are days only.' })
export class SustainmentReview {
  @Field(() => Int, { description: 'Months after adoption.' })
  months: number;
  @Field({ description: 'YYYY-MM-DD' })
  dueOn: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the day the owner recorded it.' })
  recordedOn: string | null;
  @Field(() => Boolean, { nullable: true })
  inForce: boolean | null;
  @Field(() => String, { nullable: true })
  note: string | null;
  @Field({ description: 'Its day passed without a record.' })
  isMissed: boolean;
  @Field({ description: 'Not held: an earlier review found the change no longer in force.' })
  isCancelled: boolean;

  static from(r: SustainmentReviewEntity, day: (d: Date) => string, now = today()): SustainmentReview {
    return {
      months: r.months,
      dueOn: r.dueOn,
      recordedOn: r.recordedAt ? day(r.recordedAt) : null,
      inForce: r.inForce,
      note: r.note,
      isMissed: !r.recordedAt && !r.cancelledAt && (r.missedAt !== null || r.dueOn < now),
      isCancelled: r.cancelledAt !== null,
    };
  }
}

@ObjectType('MeasurePoint', { description: 'One value of a measure: its baseline, at adoption, or at a review.' })
export class MeasurePoint {
  @Field(() => MeasurePointKind)
  kind: MeasurePointKind;
  @Field({ description: 'e.g. "Baseline", "At adoption", "6-month review".' })
  label: string;
  @Field(() => Float)
  value: number;
  @Field(() => String, { nullable: true, description: 'When it was recorded: YYYY-MM-DD, or YYYY-MM in the library.' })
  on: string | null;
}

@ObjectType('MeasureSeries', { description: 'A success measure over time, from its baseline through each review, toward its target.' })
export class MeasureSeries {
  @Field()
  metric: string;
  @Field(() => String, { nullable: true })
  unit: string | null;
  @Field(() => Float)
  baseline: number;
  @Field(() => Float)
  target: number;
  @Field(() => [MeasurePoint], { description: 'Oldest first; never overwritten.' })
  points: MeasurePoint[];
}

@ObjectType('ChangeSustainment', { description: 'After adoption: the reviews, whether it is still in force, and the measures over time.' })
export class ChangeSustainment {
  @Field(() => SustainmentState)
  state: SustainmentState;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD of the next review to record.' })
  nextReviewDueOn: string | null;
  @Field(() => [Int], { description: 'The review months at which the owner confirmed it in force, e.g. [6, 12].' })
  inForceAtMonths: number[];
  @Field(() => [SustainmentReview])
  reviews: SustainmentReview[];
  @Field(() => [MeasureSeries])
  measures: MeasureSeries[];
}

const reviewLabel = (months: number) => `${months}-month review`;

/** The series of each measure: baseline, each value recorded since (adoption, reviews), oldest first. */
export function measureSeries(change: ChangeEntity, values: MeasureValueEntity[], reviews: SustainmentReviewEntity[], day: (d: Date) => string): MeasureSeries[] {
  const monthsOf = new Map(reviews.map((r) => [r.id, r.months]));
  return change.successMeasures.map((m) => ({
    metric: m.metric,
    unit: m.unit ?? null,
    baseline: m.baseline,
    target: m.target,
    points: [
      { kind: MeasurePointKind.BASELINE, label: 'Baseline', value: m.baseline, on: null },
      ...values
        .filter((v) => v.metric === m.metric)
        .map((v) => ({
          kind: v.source === MeasureValueSource.ADOPTION ? MeasurePointKind.ADOPTION : MeasurePointKind.REVIEW,
          label: v.source === MeasureValueSource.ADOPTION ? 'At adoption' : reviewLabel(monthsOf.get(v.reviewId ?? '') ?? 0),
          value: v.value,
          on: day(v.recordedAt),
        })),
    ],
  }));
}

export function sustainmentOf(change: ChangeEntity, reviews: SustainmentReviewEntity[], values: MeasureValueEntity[], day: (d: Date) => string): ChangeSustainment {
  const shown = reviews.map((r) => SustainmentReview.from(r, day));
  const open = shown.filter((r) => !r.recordedOn && !r.isCancelled);
  const state = shown.some((r) => r.inForce === false)
    ? SustainmentState.LAPSED
    : open.some((r) => r.isMissed)
      ? SustainmentState.REVIEW_MISSED
      : shown.some((r) => r.inForce)
        ? SustainmentState.IN_FORCE
        : SustainmentState.AWAITING_REVIEW;
  return {
    state,
    nextReviewDueOn: state === SustainmentState.LAPSED ? null : (open[0]?.dueOn ?? null),
    inForceAtMonths: shown.filter((r) => r.inForce).map((r) => r.months),
    reviews: shown,
    measures: measureSeries(change, values, reviews, day),
  };
}
