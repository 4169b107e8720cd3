import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../../common/relay';
import { TrainingSide, type TrainingCompletionEntity, type TrainingModuleEntity } from './training.entity';

registerEnumType(TrainingSide, { name: 'TrainingSide', description: 'Which side of a pair a training module is for.' });

@ObjectType('TrainingModule', { description: 'Training a programme asks of one side of its pairs, or of both.' })
export class TrainingModule {
  entity: TrainingModuleEntity;

  @Field(() => ID)
  id: string;

  @Field(() => TrainingSide)
  side: TrainingSide;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => Float)
  expectedHours: number;

  @Field(() => Int)
  position: number;

  static from(entity: TrainingModuleEntity): TrainingModule {
    return Object.assign(new TrainingModule(), {
      entity,
      id: toGlobalId('TrainingModule', entity.id),
      side: entity.side,
      title: entity.title,
      description: entity.description,
      expectedHours: entity.expectedHours,
      position: entity.position,
    });
  }
}

@ObjectType('TrainingCompletion', { description: 'That a person completed a module: who recorded it and when.' })
export class TrainingCompletion {
  entity: TrainingCompletionEntity;

  @Field(() => ID)
  id: string;

  @Field()
  completedAt: Date;

  @Field({ description: 'Whether the person recorded it themselves (otherwise a programme manager did).' })
  selfRecorded: boolean;

  static from(entity: TrainingCompletionEntity): TrainingCompletion {
    return Object.assign(new TrainingCompletion(), {
      entity,
      id: toGlobalId('TrainingCompletion', entity.id),
      completedAt: entity.completedAt,
      selfRecorded: entity.recordedById === entity.personId,
    });
  }
}

/** Pair side as the training rule sees it. */
export type PairSide = TrainingSide.SENIOR | TrainingSide.JUNIOR;

@ObjectType('TrainingStatus', { description: "Where one person stands with their side's training in a programme." })
export class TrainingStatus {
  personId: string;

  @Field(() => TrainingSide, { nullable: true, description: 'Their side in an open pair of the programme; null while unpaired.' })
  side: PairSide | null;

  @Field(() => [TrainingModule], { description: 'Modules for their side they have completed (all modules while unpaired).' })
  completed: TrainingModule[];

  @Field(() => [TrainingModule], { description: 'Modules for their side still to complete (none while unpaired).' })
  missing: TrainingModule[];
}
