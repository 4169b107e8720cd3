import { Field, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { ViewerType } from './auth.type';

@ObjectType({ description: 'A new session: the viewer, and a bearer token (a session cookie is also set).' })
export class SessionPayload extends MutationPayload {
  @Field(() => ViewerType, { nullable: true })
  viewer?: ViewerType | null;

  @Field(() => String, { nullable: true, description: 'Send as `Authorization: Bearer <token>`; browsers can rely on the cookie.' })
  token?: string | null;
}

@ObjectType()
export class LoginPayload extends SessionPayload {}

@ObjectType()
export class AcceptInvitationPayload extends SessionPayload {}

@ObjectType()
export class LogoutPayload extends MutationPayload {
  @Field()
  signedOut: boolean = false;
}

@ObjectType()
export class ChangePasswordPayload extends MutationPayload {
  @Field()
  changed: boolean = false;

  @Field(() => Int, { description: 'Sessions on other devices that were signed out; this one stays signed in.' })
  otherSessionsEnded: number = 0;
}

@ObjectType()
export class CreateRecoveryCodePayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: 'Shown this once: only its hash is kept. A new code replaces the old one.' })
  recoveryCode?: string | null;
}

@ObjectType()
export class RecoverAccountPayload extends SessionPayload {}
