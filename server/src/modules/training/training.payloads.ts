import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { Programme } from '../programme/programme.type';
import { TrainingCompletion, TrainingModule } from './training.type';

@ObjectType()
export class TrainingModulePayload extends MutationPayload {
  @Field(() => TrainingModule, { nullable: true })
  trainingModule?: TrainingModule | null;

  @Field(() => Programme, { nullable: true })
  programme?: Programme | null;
}

@ObjectType()
export class TrainingCompletionPayload extends MutationPayload {
  @Field(() => TrainingCompletion, { nullable: true })
  completion?: TrainingCompletion | null;

  @Field(() => TrainingModule, { nullable: true })
  trainingModule?: TrainingModule | null;
}
