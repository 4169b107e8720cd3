import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { IssuedInvitationType } from './invitation.type';

@ObjectType()
export class InviteMemberPayload extends MutationPayload {
  @Field(() => IssuedInvitationType, { nullable: true })
  issued?: IssuedInvitationType | null;
}
