import { Field, ID, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { Membership } from './person.type';

@ObjectType({ description: 'The membership after the change, or userErrors saying why it was refused.' })
export class MembershipPayload extends MutationPayload {
  @Field(() => Membership, { nullable: true })
  membership?: Membership | null;
}

@ObjectType()
export class RemoveMemberPayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'The membership that no longer exists.' })
  removedMembershipId?: string | null;
}
