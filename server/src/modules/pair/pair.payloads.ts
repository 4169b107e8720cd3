import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { MentoringSession, Pair } from './pair.type';

@ObjectType()
export class PairPayload extends MutationPayload {
  @Field(() => Pair, { nullable: true })
  pair?: Pair | null;
}

@ObjectType()
export class LogSessionPayload extends MutationPayload {
  @Field(() => MentoringSession, { nullable: true })
  session?: MentoringSession | null;
}
