import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../common/relay';
import { Cadence } from '../programme/programme.entity';
import { type ContractVersionEntity, type MentoringSessionEntity, type PairEntity, PairStatus } from './pair.entity';
import { SessionType } from '../scheduling/session-type';

registerEnumType(PairStatus, {
  name: 'PairStatus',
  description: 'PROPOSED (matched) → ACTIVE (contract agreed) → COMPLETED, or ENDED early.',
});

@ObjectType('Pair', { implements: Node, description: 'A co-learning partnership of one senior and one junior employee.' })
export class Pair extends Node {
  /* Every field reads the entity when it is asked for (see Change): a board reads a pair without the fields it does not show. */
  constructor(readonly entity: PairEntity) {
    super();
    this.id = toGlobalId('Pair', entity.id);
  }

  @Field(() => PairStatus)
  get status(): PairStatus {
    return this.entity.status;
  }

  @Field(() => String, { nullable: true })
  get endedReason(): string | null {
    return this.entity.endedReason;
  }

  @Field()
  get createdAt(): Date {
    return this.entity.createdAt;
  }

  static from(entity: PairEntity): Pair {
    return new Pair(entity);
  }
}

@ObjectType('PairConnection')
export class PairConnection extends Connection(Pair, 'Pair') {}

@ObjectType('SessionPrompts', { description: 'What to talk about next: the contract\'s focus topics and the pair\'s open changes.' })
export class SessionPrompts {
  @Field(() => [String])
  focusTopics: string[];

  pairId: string;
}

@ObjectType('ContractVersion', { description: "One version of a pair's mentoring contract." })
export class ContractVersion {
  entity: ContractVersionEntity;

  @Field(() => Int)
  version: number;

  @Field(() => [String])
  focusTopics: string[];

  @Field(() => Cadence)
  cadence: Cadence;

  @Field()
  groundRules: string;

  @Field()
  confidentiality: string;

  @Field(() => Date, { nullable: true })
  seniorAgreedAt: Date | null;

  @Field(() => Date, { nullable: true })
  juniorAgreedAt: Date | null;

  @Field({ description: 'True when both co-learners agreed this version.' })
  isAgreed: boolean;

  @Field()
  createdAt: Date;

  static from(entity: ContractVersionEntity): ContractVersion {
    return Object.assign(new ContractVersion(), {
      entity,
      version: entity.version,
      focusTopics: entity.focusTopics,
      cadence: entity.cadence,
      groundRules: entity.groundRules,
      confidentiality: entity.confidentiality,
      seniorAgreedAt: entity.seniorAgreedAt,
      juniorAgreedAt: entity.juniorAgreedAt,
      isAgreed: Boolean(entity.seniorAgreedAt && entity.juniorAgreedAt),
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType('MentoringSession', { implements: Node, description: 'A logged co-learning session.' })
export class MentoringSession extends Node {
  entity: MentoringSessionEntity;

  @Field({ description: 'YYYY-MM-DD' })
  heldOn: string;

  @Field(() => [String])
  topics: string[];

  @Field(() => String, { nullable: true, description: 'What the pair chose to share beyond themselves.' })
  sharedTakeaways: string | null;

  @Field(() => SessionType)
  sessionType: SessionType;

  @Field()
  createdAt: Date;

  static from(entity: MentoringSessionEntity): MentoringSession {
    return Object.assign(new MentoringSession(), {
      entity,
      id: toGlobalId('MentoringSession', entity.id),
      heldOn: entity.heldOn,
      topics: entity.topics,
      sharedTakeaways: entity.sharedTakeaways,
      sessionType: entity.sessionType,
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType('MentoringSessionConnection')
export class MentoringSessionConnection extends Connection(MentoringSession, 'MentoringSession') {}
