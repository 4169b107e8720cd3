import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { Barrier } from './barrier.type';

@ObjectType()
export class BarrierPayload extends MutationPayload {
  @Field(() => Barrier, { nullable: true })
  barrier?: Barrier | null;
}
