import { IsEmail, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Sector } from './organisation.entity';

@InputType({ description: 'The first programme manager of a new organisation; they are sent an invitation.' })
export class FirstManagerInput {
  @Field()
  @IsEmail({}, { message: 'Enter a valid email address.' })
  email: string;

  @Field()
  @Length(1, 120, { message: 'Give a name of 1 to 120 characters.' })
  displayName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 120)
  jobTitle?: string | null;
}

@InputType()
export class CreateOrganisationInput {
  @Field()
  @Length(2, 160, { message: 'Give a name of 2 to 160 characters.' })
  name: string;

  @Field({ description: 'Lower-case letters, digits and dashes; used in links.' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'Use lower-case letters, digits and single dashes.' })
  @Length(2, 60)
  slug: string;

  @Field(() => Sector)
  sector: Sector;

  @Field({ description: 'ISO 3166-1 alpha-2 country code, e.g. GB.' })
  @Matches(/^[A-Za-z]{2}$/, { message: 'Use a two-letter country code such as GB.' })
  country: string;

  @Field(() => FirstManagerInput)
  @ValidateNested()
  firstManager: FirstManagerInput;
}
