import { Field, ID, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { Organisation } from '../organisation/organisation.type';
import { OrganisationIdentifier } from './identifier.type';

@ObjectType()
export class AddOrganisationIdentifierPayload extends MutationPayload {
  @Field(() => OrganisationIdentifier, { nullable: true })
  identifier?: OrganisationIdentifier | null;

  @Field(() => Organisation, { nullable: true })
  organisation?: Organisation | null;
}

@ObjectType()
export class RemoveOrganisationIdentifierPayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'The global id of the entry removed.' })
  removedIdentifierId?: string | null;

  @Field(() => Organisation, { nullable: true })
  organisation?: Organisation | null;
}
