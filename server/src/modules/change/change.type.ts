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
  entity: ChangeEntity;
  /** What the fields around the change read, when it was read with them (a page of changes). */
  relations?: ChangeRelations;

  @Field()
  title: string;
  @Field()
  whatChanges: string;
  @Field()
  expectedImpact: string;
  @Field({ description: 'YYYY-MM-DD' })
  targetDate: string;
  @Field(() => ChangeStatus)
  status: ChangeStatus;
  @Field(() => Int, { description: '0 to 100.' })
  progress: number;
  @Field(() => [SuccessMeasure])
  successMeasures: SuccessMeasure[];
  @Field(() => AdoptionEvidence, { nullable: true })
  adoptionEvidence: AdoptionEvidence | null;
  @Field(() => String, { nullable: true })
  withdrawnReason: string | null;
  @Field({ description: 'Past its target date and not finished.' })
  isOverdue: boolean;
  /** Resolved in change.resolver.ts: day only where it would date the pair behind an anonymous barrier. */
  submittedAt: Date | null;
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;
  /** Resolved in change.resolver.ts: day only where it would date the pair behind an anonymous barrier. */
  startedAt: Date | null;
  /** Resolved in change.resolver.ts: day only where it would date the pair behind an anonymous barrier. */
  adoptedAt: Date | null;
  @Field(() => String, { nullable: true, description: `For a submitted change: the day a decision is due (${DECISION_DAYS} days after submission).` })
  decisionDueOn: string | null;
  @Field({ description: 'Submitted and waiting for a decision past its due day.' })
  isDecisionOverdue: boolean;
  @Field(() => Int, { description: 'Pass as expectedVersion to act on exactly what you saw.' })
  version: number;
  /** Resolved in change.resolver.ts, as above. */
  createdAt: Date;
  /** Resolved in change.resolver.ts, as above. */
  updatedAt: Date;

  /** A change read with what the fields around it show (see change.relations.ts). */
  static withRelations(entity: ChangeEntity, relations: ChangeRelations | undefined): Change {
    return Object.assign(Change.from(entity), { relations });
  }

  static from(entity: ChangeEntity): Change {
    const due = entity.status === ChangeStatus.SUBMITTED && entity.submittedAt ? addDays(entity.submittedAt.toISOString().slice(0, 10), DECISION_DAYS) : null;
    return Object.assign(new Change(), {
      entity,
      id: toGlobalId('Change', entity.id),
      title: entity.title,
      whatChanges: entity.whatChanges,
      expectedImpact: entity.expectedImpact,
      targetDate: entity.targetDate,
      status: entity.status,
      progress: entity.progress,
      successMeasures: entity.successMeasures.map(SuccessMeasure.from),
      adoptionEvidence: entity.adoptionEvidence ? AdoptionEvidence.from(entity.adoptionEvidence) : null,
      withdrawnReason: entity.withdrawnReason,
      isOverdue: entity.targetDate < today() && !FINISHED.includes(entity.status),
      submittedAt: entity.submittedAt,
      decidedAt: entity.decidedAt,
      startedAt: entity.startedAt,
      adoptedAt: entity.adoptedAt,
      decisionDueOn: due,
      isDecisionOverdue: due !== null && due < today(),
      version: entity.version,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    });
  }
}

@ObjectType('ChangeConnection')
export class ChangeConnection extends Connection(Change, 'Change') {}

