import { Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IdentifierKind } from './identifier.entity';

@InputType({ description: "Add to an organisation's list of what identifies it." })
export class AddOrganisationIdentifierInput {
  @Field(() => ID)
  organisationId: string;

  @Field(() => IdentifierKind)
  kind: IdentifierKind;

  @Field({ description: 'The name, short form, site, ward or department, as people write it.' })
  @Length(2, 120, { message: 'Give 2 to 120 characters.' })
  value: string;
}

@InputType()
export class RemoveOrganisationIdentifierInput {
  @Field(() => ID)
  identifierId: string;
}
