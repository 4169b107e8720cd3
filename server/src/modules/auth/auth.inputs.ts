import { IsEmail, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { RawText } from '../../common/text-input';

@InputType()
export class LoginInput {
  @Field()
  @IsEmail({}, { message: 'Enter a valid email address.' })
  email: string;

  @Field()
  @RawText()
  @Length(1, 200, { message: 'Enter your password.' })
  password: string;
}

@InputType()
export class LogoutInput {
  @Field({ defaultValue: false, description: 'End every session of this person, on every device.' })
  everywhere: boolean = false;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  @RawText()
  @Length(1, 200, { message: 'Enter your current password.' })
  currentPassword: string;

  @Field({ description: 'At least 10 characters.' })
  @RawText()
  @Length(10, 200, { message: 'Use a password of at least 10 characters.' })
  newPassword: string;
}

@InputType()
export class CreateRecoveryCodeInput {
  @Field()
  @RawText()
  @Length(1, 200, { message: 'Enter your current password.' })
  currentPassword: string;
}

@InputType()
export class RecoverAccountInput {
  @Field()
  @IsEmail({}, { message: 'Enter a valid email address.' })
  email: string;

  @Field({ description: 'The recovery code the person made on their account page.' })
  @Length(10, 100, { message: 'Enter your recovery code.' })
  recoveryCode: string;

  @Field({ description: 'At least 10 characters.' })
  @RawText()
  @Length(10, 200, { message: 'Use a password of at least 10 characters.' })
  newPassword: string;
}
