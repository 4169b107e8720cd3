import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { addDays, today } from '../../common/dates';
import { Connection, Node, toGlobalId } from '../../common/relay';
import {
  type AdoptionEvidence as AdoptionEvidenceData,
  type ChangeEntity,
  ChangeStatus,
  type DecisionEntity,
  DecisionOutcome,
  type SuccessMeasure as SuccessMeasureData,
} from './change.entity';
import type { ChangeRelations } from './change.relations';
import { FINISHED } from './change.workflow';

registerEnumType(ChangeStatus, {
  name: 'ChangeStatus',
  description: 'DRAFT → SUBMITTED → APPROVED → IN_PROGRESS → ADOPTION_REQUESTED → ADOPTED (once the owner, or a sponsor, confirms); or REJECTED, or WITHDRAWN before adoption.',
});
registerEnumType(DecisionOutcome, { name: 'DecisionOutcome', description: "An owner's decision on a submitted change." });

/** How long an owner has to decide a submitted change before it shows as overdue in their queue. */
export const DECISION_DAYS = 14;

@ObjectType('SuccessMeasure')
export class SuccessMeasure {
  @Field()
  metric: string;
  @Field(() => String, { nullable: true })
  unit: string | null;
  @Field(() => Float)
  baseline: number;
  @Field(() => Float)
  target: number;
  @Field(() => Float, { nullable: true, description: 'The latest reported value.' })
  current: number | null;

  static from(m: SuccessMeasureData): SuccessMeasure {
    return { metric: m.metric, unit: m.unit ?? null, baseline: m.baseline, target: m.target, current: m.current ?? null };
  }
}

@ObjectType('AdoptionEvidence')
export class AdoptionEvidence {
  @Field()
  policyOrProcess: string;
  @Field({ description: 'YYYY-MM-DD' })
  effectiveFrom: string;
  @Field(() => String, { nullable: true })
  link: string | null;
  @Field(() => String, { nullable: true })
  summary: string | null;

  static from(e: AdoptionEvidenceData): AdoptionEvidence {
    return { policyOrProcess: e.policyOrProcess, effectiveFrom: e.effectiveFrom, link: e.link ?? null, summary: e.summary ?? null };
  }
}

@ObjectType('Decision', { implements: Node, description: "An owner's decision on a change, with its rationale." })
export class Decision extends Node {
  entity: DecisionEntity;
  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;
  @Field()
  rationale: string;
  @Field()
  decidedAt: Date;

  static from(entity: DecisionEntity): Decision {
    return Object.assign(new Decision(), {
      entity,
      id: toGlobalId('Decision', entity.id),
      outcome: entity.outcome,
      rationale: entity.rationale,
      decidedAt: entity.createdAt,
    });
  }
}

@ObjectType('Change', { implements: Node, description: 'A proposed change to a policy or process, tracked until it is adopted.' })
export class Change extends Node {
  /** What the fields around the change read, when it was read with them (a page of changes). */
  relations?: ChangeRelations;

  /*
   * Every field reads the entity when it is asked for, not before: a page of a hundred changes
   * that shows five fields of each computes five, not twenty.
   */
  constructor(readonly entity: ChangeEntity) {
    super();
    this.id = toGlobalId('Change', entity.id);
  }

  @Field()
  get title(): string {
    return this.entity.title;
  }
  @Field()
  get whatChanges(): string {
    return this.entity.whatChanges;
  }
  @Field()
  get expectedImpact(): string {
    return this.entity.expectedImpact;
  }
  @Field({ description: 'YYYY-MM-DD' })
  get targetDate(): string {
    return this.entity.targetDate;
  }
  @Field(() => ChangeStatus)
  get status(): ChangeStatus {
    return this.entity.status;
  }
  @Field(() => Int, { description: '0 to 100.' })
  get progress(): number {
    return this.entity.progress;
  }
  @Field(() => [SuccessMeasure])
  get successMeasures(): SuccessMeasure[] {
    return this.entity.successMeasures.map(SuccessMeasure.from);
  }
  @Field(() => AdoptionEvidence, { nullable: true })
  get adoptionEvidence(): AdoptionEvidence | null {
    return this.entity.adoptionEvidence ? AdoptionEvidence.from(this.entity.adoptionEvidence) : null;
  }
  @Field(() => String, { nullable: true })
  get withdrawnReason(): string | null {
    return this.entity.withdrawnReason;
  }
  @Field({ description: 'Past its target date and not finished.' })
  get isOverdue(): boolean {
    return this.entity.targetDate < today() && !FINISHED.includes(this.entity.status);
  }
  @Field(() => Date, { nullable: true })
  get decidedAt(): Date | null {
    return this.entity.decidedAt;
  }
  @Field(() => String, { nullable: true, description: `For a submitted change: the day a decision is due (${DECISION_DAYS} days after submission).` })
  get decisionDueOn(): string | null {
    const { status, submittedAt } = this.entity;
    return status === ChangeStatus.SUBMITTED && submittedAt ? addDays(submittedAt.toISOString().slice(0, 10), DECISION_DAYS) : null;
  }
  @Field({ description: 'Submitted and waiting for a decision past its due day.' })
  get isDecisionOverdue(): boolean {
    const due = this.decisionDueOn;
    return due !== null && due < today();
  }
  @Field(() => Int, { description: 'Pass as expectedVersion to act on exactly what you saw.' })
  get version(): number {
    return this.entity.version;
  }
  // submittedAt, startedAt, adoptedAt, createdAt and updatedAt are resolved in change.resolver.ts:
  // the day only where it would date the pair behind an anonymous barrier.

  /** A change read with what the fields around it show (see change.relations.ts). */
  static withRelations(entity: ChangeEntity, relations: ChangeRelations | undefined): Change {
    return Object.assign(new Change(entity), { relations });
  }

  static from(entity: ChangeEntity): Change {
    return new Change(entity);
  }
}

@ObjectType('ChangeConnection')
export class ChangeConnection extends Connection(Change, 'Change') {}

