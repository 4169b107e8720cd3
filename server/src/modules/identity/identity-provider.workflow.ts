import type { IdentityProviderEntity } from './identity-provider.entity';

/** Where an identity provider's set-up stands. */
export enum IdentityProviderStatus {
  /** Saved, but the connection as it is now has not passed "test the connection". */
  UNTESTED = 'UNTESTED',
  /** The provider answered as it should; sign-in is not offered yet. */
  TESTED = 'TESTED',
  /** People of the covered domains sign in through it. */
  ENABLED = 'ENABLED',
}

export enum IdentityProviderAction {
  /** Issuer, client id or secret changed: the new connection must be tested again. */
  CHANGE_CONNECTION = 'CHANGE_CONNECTION',
  TEST = 'TEST',
  ENABLE = 'ENABLE',
  DISABLE = 'DISABLE',
  /** Refuse password sign-in to the organisation's members. */
  REQUIRE_SINGLE_SIGN_ON = 'REQUIRE_SINGLE_SIGN_ON',
}

const ANY = [IdentityProviderStatus.UNTESTED, IdentityProviderStatus.TESTED, IdentityProviderStatus.ENABLED];

/**
 * The set-up, as data:
 *   any --change connection--> UNTESTED  (sign-in through it stops until it is tested again)
 *   any --test (passes)--> TESTED, or stays ENABLED
 *   TESTED --enable--> ENABLED --disable--> TESTED
 *   ENABLED --require single sign-on--> ENABLED (password sign-in refused for members)
 */
export const TRANSITIONS: Record<IdentityProviderAction, { from: IdentityProviderStatus[]; /** absent: the status stays */ to?: IdentityProviderStatus }> = {
  [IdentityProviderAction.CHANGE_CONNECTION]: { from: ANY, to: IdentityProviderStatus.UNTESTED },
  [IdentityProviderAction.TEST]: { from: ANY },
  [IdentityProviderAction.ENABLE]: { from: [IdentityProviderStatus.TESTED, IdentityProviderStatus.ENABLED], to: IdentityProviderStatus.ENABLED },
  [IdentityProviderAction.DISABLE]: { from: ANY, to: IdentityProviderStatus.TESTED },
  [IdentityProviderAction.REQUIRE_SINGLE_SIGN_ON]: { from: [IdentityProviderStatus.ENABLED] },
};

export function statusOf(provider: Pick<IdentityProviderEntity, 'testedAt' | 'enabled'>): IdentityProviderStatus {
  if (!provider.testedAt) return IdentityProviderStatus.UNTESTED;
  return provider.enabled ? IdentityProviderStatus.ENABLED : IdentityProviderStatus.TESTED;
}

export const canTransition = (status: IdentityProviderStatus, action: IdentityProviderAction) => TRANSITIONS[action].from.includes(status);

const VERB: Record<IdentityProviderAction, string> = {
  CHANGE_CONNECTION: 'changed',
  TEST: 'tested',
  ENABLE: 'turned on',
  DISABLE: 'turned off',
  REQUIRE_SINGLE_SIGN_ON: 'required of members',
};

const STATE: Record<IdentityProviderStatus, string> = {
  UNTESTED: 'not yet tested',
  TESTED: 'tested but not turned on',
  ENABLED: 'turned on',
};

export function refusal(status: IdentityProviderStatus, action: IdentityProviderAction): string {
  const allowed = TRANSITIONS[action].from.map((s) => STATE[s]).join(' or ');
  return `Single sign-on that is ${STATE[status]} cannot be ${VERB[action]}; it must be ${allowed} first${status === IdentityProviderStatus.UNTESTED ? ': test the connection' : ''}.`;
}
