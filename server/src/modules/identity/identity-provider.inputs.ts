import { ArrayMaxSize, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../person/membership.entity';
import { NewPeoplePolicy } from './identity-provider.entity';

@InputType()
export class ConfigureIdentityProviderInput {
  @Field(() => ID)
  organisationId: string;

  @Field({ description: 'The issuer URL, exactly as the provider names itself.' })
  @Length(8, 300, { message: 'Enter the issuer URL.' })
  issuer: string;

  @Field()
  @Length(1, 200, { message: 'Enter the client id.' })
  clientId: string;

  @Field(() => String, { nullable: true, description: 'Required the first time; leave empty to keep the stored one. Never returned.' })
  @IsOptional()
  @Length(0, 500)
  clientSecret?: string | null;

  @Field(() => [String], { description: 'Email domains the provider covers, e.g. ["northshore.nhs.uk"].' })
  @ArrayMaxSize(20, { message: 'Name at most 20 domains.' })
  emailDomains: string[];

  @Field(() => NewPeoplePolicy)
  newPeople: NewPeoplePolicy;

  @Field(() => [Role], { description: 'Roles for people who join on first sign-in; empty for INVITED_ONLY.' })
  joinRoles: Role[];
}

@InputType()
export class TestIdentityProviderInput {
  @Field(() => ID)
  organisationId: string;
}

@InputType()
export class SetSingleSignOnUseInput {
  @Field(() => ID)
  organisationId: string;

  @Field({ description: 'Offer sign-in through the provider (it must have passed the test).' })
  enabled: boolean;

  @Field({ defaultValue: false, description: "Refuse password sign-in to the organisation's members." })
  requireSingleSignOn: boolean = false;
}
