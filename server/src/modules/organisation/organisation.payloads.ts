import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { IssuedInvitationType } from '../invitation/invitation.type';
import { Organisation } from './organisation.type';

@ObjectType()
export class CreateOrganisationPayload extends MutationPayload {
  @Field(() => Organisation, { nullable: true })
  organisation?: Organisation | null;

  @Field(() => IssuedInvitationType, { nullable: true, description: "The first programme manager's invitation." })
  managerInvitation?: IssuedInvitationType | null;
}
