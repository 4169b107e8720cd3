import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { GroupSession } from './group-session.type';

@ObjectType()
export class GroupSessionPayload extends MutationPayload {
  @Field(() => GroupSession, { nullable: true })
  groupSession?: GroupSession | null;
}
