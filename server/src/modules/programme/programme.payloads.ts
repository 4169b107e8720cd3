import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { Programme } from './programme.type';

@ObjectType()
export class ProgrammePayload extends MutationPayload {
  @Field(() => Programme, { nullable: true })
  programme?: Programme | null;
}
