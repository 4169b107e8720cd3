import { ArrayMinSize, IsEmail, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { RawText } from '../../common/text-input';
import { Role } from '../person/membership.entity';

@InputType()
export class InviteMemberInput {
  @Field(() => ID)
  organisationId: string;

  @Field()
  @IsEmail({}, { message: 'Enter a valid email address.' })
  email: string;

  @Field({ description: 'How the invitee is addressed until they choose their own name.' })
  @Length(1, 120, { message: 'Give a name of 1 to 120 characters.' })
  displayName: string;

  @Field(() => [Role])
  @ArrayMinSize(1, { message: 'Choose at least one role.' })
  roles: Role[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 120)
  jobTitle?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 120)
  division?: string | null;
}

@InputType()
export class AcceptInvitationInput {
  @Field({ description: 'The token from the invitation link.' })
  @Length(10, 200, { message: 'This invitation link is not valid.' })
  token: string;

  @Field({ description: 'A new password (at least 10 characters), or the password of your existing account.' })
  @RawText()
  @Length(10, 200, { message: 'Use a password of at least 10 characters.' })
  password: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 120)
  displayName?: string | null;
}

@InputType()
export class RevokeInvitationInput {
  @Field(() => ID)
  invitationId: string;
}
