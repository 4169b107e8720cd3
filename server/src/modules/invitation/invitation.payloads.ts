import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { Invitation, IssuedInvitationType } from './invitation.type';

@ObjectType()
export class InviteMemberPayload extends MutationPayload {
  @Field(() => IssuedInvitationType, { nullable: true })
  issued?: IssuedInvitationType | null;
}

@ObjectType()
export class RevokeInvitationPayload extends MutationPayload {
  @Field(() => Invitation, { nullable: true })
  invitation?: Invitation | null;
}
