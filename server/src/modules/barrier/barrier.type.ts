import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../common/relay';
import {
  AffectedGroup,
  Attribution,
  type BarrierCorroborationEntity,
  BarrierCategory,
  type BarrierEntity,
  BarrierStatus,
  type Evidence as EvidenceData,
  EvidenceKind,
  NamingConsent,
} from './barrier.entity';

registerEnumType(BarrierCategory, { name: 'BarrierCategory', description: 'Where in the organisation a barrier sits.' });
registerEnumType(AffectedGroup, {
  name: 'AffectedGroup',
  description: 'The protected characteristics of the Equality Act 2010, socio-economic background, and other.',
});
registerEnumType(Attribution, {
  name: 'Attribution',
  description: 'NAMED shows which pair raised a barrier; ANONYMOUS shows only that a pair did.',
});
registerEnumType(NamingConsent, {
  name: 'NamingConsent',
  description: "Where a request to name the pair on a barrier stands: PENDING the other co-learner's answer, AGREED or DECLINED.",
});
registerEnumType(BarrierStatus, { name: 'BarrierStatus', description: 'OPEN, ADDRESSED (a change was adopted) or CLOSED.' });
registerEnumType(EvidenceKind, { name: 'EvidenceKind', description: 'An observation, a link to a document, or a figure.' });

@ObjectType('Evidence', { description: 'One piece of evidence for a barrier.' })
export class Evidence {
  @Field(() => EvidenceKind)
  kind: EvidenceKind;

  @Field()
  text: string;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => String, { nullable: true })
  unit: string | null;

  static from(e: EvidenceData): Evidence {
    return { kind: e.kind, text: e.text, url: e.url ?? null, value: e.value ?? null, unit: e.unit ?? null };
  }
}

@ObjectType('Barrier', { implements: Node, description: 'Something in the organisation that stands in the way of equality, with evidence.' })
export class Barrier extends Node {
  /* Every field reads the entity when it is asked for (see Change). */
  constructor(readonly entity: BarrierEntity) {
    super();
    this.id = toGlobalId('Barrier', entity.id);
  }

  @Field()
  get title(): string {
    return this.entity.title;
  }

  @Field()
  get description(): string {
    return this.entity.description;
  }

  @Field(() => BarrierCategory)
  get category(): BarrierCategory {
    return this.entity.category;
  }

  @Field(() => [AffectedGroup])
  get affectedGroups(): AffectedGroup[] {
    return this.entity.affectedGroups;
  }

  @Field(() => [Evidence])
  get evidence(): Evidence[] {
    return this.entity.evidence.map(Evidence.from);
  }

  @Field(() => Attribution, { description: 'ANONYMOUS until both co-learners agreed to be named; see namingConsent.' })
  get attribution(): Attribution {
    return this.entity.attribution;
  }

  @Field(() => BarrierStatus)
  get status(): BarrierStatus {
    return this.entity.status;
  }

  @Field(() => Int, { description: 'How many other pairs said "we see this too".' })
  get corroboratingPairCount(): number {
    return this.entity.corroborationCount;
  }

  // createdAt is resolved in barrier.resolver.ts: the day only where the barrier is anonymous to the viewer.

  static from(entity: BarrierEntity): Barrier {
    return new Barrier(entity);
  }
}

@ObjectType('BarrierConnection')
export class BarrierConnection extends Connection(Barrier, 'Barrier') {}

@ObjectType('Corroboration', { description: '"We see this too": another pair\'s support for a barrier, with its own evidence.' })
export class Corroboration {
  entity: BarrierCorroborationEntity;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => [Evidence])
  evidence: Evidence[];

  @Field(() => [String], { description: 'The divisions the corroborating pair works in.' })
  divisions: string[];

  @Field()
  createdAt: Date;

  static from(entity: BarrierCorroborationEntity): Corroboration {
    return Object.assign(new Corroboration(), {
      entity,
      note: entity.note,
      evidence: entity.evidence.map(Evidence.from),
      divisions: entity.divisions,
      createdAt: entity.createdAt,
    });
  }
}
