import { AuthSessionEntity } from '../modules/auth/auth-session.entity';
import { LoginAttemptEntity } from '../modules/auth/login-attempt.entity';
import { InvitationEntity } from '../modules/invitation/invitation.entity';
import { OrganisationEntity } from '../modules/organisation/organisation.entity';
import { MembershipEntity } from '../modules/person/membership.entity';
import { PersonEntity } from '../modules/person/person.entity';

/** Every entity, listed so the data source never depends on file globs. */
export const entities = [
  OrganisationEntity,
  PersonEntity,
  MembershipEntity,
  AuthSessionEntity,
  LoginAttemptEntity,
  InvitationEntity,
];
