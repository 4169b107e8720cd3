import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node, toGlobalId } from '../../common/relay';
import { Role } from '../person/membership.entity';
import { NewPeoplePolicy } from './identity-provider.entity';
import type { ConfiguredProvider } from './identity-provider.service';
import { IdentityProviderStatus, statusOf } from './identity-provider.workflow';

registerEnumType(NewPeoplePolicy, {
  name: 'NewPeoplePolicy',
  description: 'Who may join the organisation on their first single sign-on.',
  valuesConfig: {
    INVITED_ONLY: { description: 'Only people a programme manager has invited (or the provisioning client has added).' },
    JOIN_ON_FIRST_SIGN_IN: { description: 'Anyone the provider signs in with an address in a covered domain, with the join roles.' },
  },
});
registerEnumType(IdentityProviderStatus, {
  name: 'IdentityProviderStatus',
  description: "Where the identity provider's set-up stands.",
  valuesConfig: {
    UNTESTED: { description: 'Saved; the connection as it is now has not passed "test the connection".' },
    TESTED: { description: 'The provider answered as it should; sign-in through it is not turned on.' },
    ENABLED: { description: 'People of the covered domains sign in through it.' },
  },
});

@ObjectType('IdentityProvider', { implements: Node, description: "An organisation's own OpenID Connect provider. Its client secret is never returned." })
export class IdentityProvider extends Node {
  configured: ConfiguredProvider;

  @Field({ description: 'The issuer URL, e.g. https://login.microsoftonline.com/<tenant id>/v2.0.' })
  issuer: string;

  @Field({ description: "The client (application) id of the provider's app registration." })
  clientId: string;

  @Field(() => [String], { description: 'The email domains it covers; their addresses are sent to it from the sign-in page.' })
  emailDomains: string[];

  @Field(() => NewPeoplePolicy)
  newPeople: NewPeoplePolicy;

  @Field(() => [Role], { description: 'The roles of someone who joins on first sign-in; empty for INVITED_ONLY.' })
  joinRoles: Role[];

  @Field(() => IdentityProviderStatus)
  status: IdentityProviderStatus;

  @Field({ description: 'Password sign-in is refused for the organisation\'s members (platform admins keep theirs).' })
  requireSingleSignOn: boolean;

  @Field(() => Date, { nullable: true, description: 'When the connection as it is now last passed the test.' })
  testedAt: Date | null;

  @Field({ description: 'The redirect URI to register with the provider.' })
  redirectUri: string;

  static from(configured: ConfiguredProvider, redirectUri: string): IdentityProvider {
    const { provider, domains } = configured;
    return Object.assign(new IdentityProvider(), {
      configured,
      id: toGlobalId('IdentityProvider', provider.id),
      issuer: provider.issuer,
      clientId: provider.clientId,
      emailDomains: domains,
      newPeople: provider.newPeople,
      joinRoles: provider.joinRoles,
      status: statusOf(provider),
      requireSingleSignOn: provider.requireSingleSignOn,
      testedAt: provider.testedAt,
      redirectUri,
    });
  }
}

@ObjectType('SignInMethod', { description: 'How an address signs in: through its organisation\'s provider, or with a password.' })
export class SignInMethod {
  @Field({ description: "True when the address's domain is covered by an organisation's turned-on identity provider." })
  singleSignOn: boolean;

  @Field(() => String, { nullable: true, description: 'The organisation whose provider it is.' })
  organisationName: string | null;

  @Field(() => String, { nullable: true, description: 'Where to send the browser to sign in through the provider.' })
  startUrl: string | null;
}
