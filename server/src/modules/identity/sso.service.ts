import type { IdTokenClaims } from 'openid-client';
import { IsNull, LessThan } from 'typeorm';
import type { Context } from '../../context';
import { AuthService, normaliseEmail } from '../auth/auth.service';
import { hashToken, newToken } from '../auth/tokens';
import { InvitationService } from '../invitation/invitation.service';
import { MembershipAuditVia } from '../membership-audit/membership-audit.entity';
import { MembershipEntity } from '../person/membership.entity';
import { MembershipService } from '../person/membership.service';
import { PersonEntity } from '../person/person.entity';
import { IdentityProviderDomainEntity, IdentityProviderEntity, NewPeoplePolicy, SsoAttemptEntity } from './identity-provider.entity';
import { domainOf, IdentityProviderService } from './identity-provider.service';
import { authorizationRequest, CallbackError, CallbackFailure, completeAuthorization } from './oidc-client';

/** Why a single sign-on was refused; the sign-in page shows a message for each. Nothing is created on any of them. */
export enum SsoRefusal {
  NO_PROVIDER = 'NO_PROVIDER',
  UNREACHABLE = 'UNREACHABLE',
  /** Unknown or tampered state, started in another browser, or already used. */
  BAD_STATE = 'BAD_STATE',
  EXPIRED = 'EXPIRED',
  /** The provider answered with an error, or would not exchange the code (expired, used, another client's). */
  PROVIDER_REFUSED = 'PROVIDER_REFUSED',
  /** The ID token failed a check: issuer, audience, nonce, signature or expiry. */
  TOKEN_INVALID = 'TOKEN_INVALID',
  EMAIL_UNVERIFIED = 'EMAIL_UNVERIFIED',
  /** The address is not one this provider covers, or the account belongs elsewhere. */
  WRONG_ORGANISATION = 'WRONG_ORGANISATION',
  NOT_INVITED = 'NOT_INVITED',
  DEACTIVATED = 'DEACTIVATED',
}

export class SsoRefused extends Error {
  constructor(readonly refusal: SsoRefusal) {
    super(refusal);
    this.name = 'SsoRefused';
  }
}

/** How long a sign-in may take at the provider. */
const ATTEMPT_MINUTES = 10;

const FAILURE: Record<CallbackFailure, SsoRefusal> = {
  PROVIDER_REFUSED: SsoRefusal.PROVIDER_REFUSED,
  TOKEN_INVALID: SsoRefusal.TOKEN_INVALID,
  UNREACHABLE: SsoRefusal.UNREACHABLE,
};

/**
 * Signs people in through their organisation's OpenID Connect provider: authorization code flow
 * with PKCE, state (bound to the browser that started) and nonce. A provider signs in only people
 * of its own organisation, by an address in a domain it covers and that it says is verified.
 */
export class SsoService {
  constructor(private readonly ctx: Context) {}

  /** Starts a sign-in for an address; returns the provider URL to send the browser to and the browser's binding secret. */
  async start(email: string): Promise<{ url: string; browserSecret: string }> {
    const found = await new IdentityProviderService(this.ctx).enabledFor(email);
    if (!found) throw new SsoRefused(SsoRefusal.NO_PROVIDER);
    const connection = new IdentityProviderService(this.ctx).connectionOf(found.provider);
    const request = await authorizationRequest(connection, normaliseEmail(email)).catch(() => {
      throw new SsoRefused(SsoRefusal.UNREACHABLE);
    });
    const browser = newToken();
    const attempts = this.ctx.db.getRepository(SsoAttemptEntity);
    await attempts.delete({ expiresAt: LessThan(new Date(Date.now() - 86_400_000)) }); // old attempts are of no further use
    await attempts.insert({
      providerId: found.provider.id,
      stateHash: hashToken(request.state),
      browserHash: browser.hash,
      nonce: request.nonce,
      codeVerifier: request.codeVerifier,
      expiresAt: new Date(Date.now() + ATTEMPT_MINUTES * 60_000),
    });
    return { url: request.url, browserSecret: browser.token };
  }

  /** Completes a sign-in from the provider's redirect; signs the person in (session and cookie) or refuses. */
  async finish(params: Record<string, string>, browserSecret: string | undefined): Promise<{ organisationId: string }> {
    const attempts = this.ctx.db.getRepository(SsoAttemptEntity);
    const attempt = params.state ? await attempts.findOneBy({ stateHash: hashToken(params.state) }) : null;
    if (!attempt || !browserSecret || hashToken(browserSecret) !== attempt.browserHash) throw new SsoRefused(SsoRefusal.BAD_STATE);
    const claimed = await attempts.update({ id: attempt.id, usedAt: IsNull() }, { usedAt: new Date() });
    if (!claimed.affected) throw new SsoRefused(SsoRefusal.BAD_STATE);
    if (attempt.expiresAt <= new Date()) throw new SsoRefused(SsoRefusal.EXPIRED);
    if (params.error) throw new SsoRefused(SsoRefusal.PROVIDER_REFUSED);

    const provider = await this.ctx.db.getRepository(IdentityProviderEntity).findOneBy({ id: attempt.providerId, enabled: true });
    if (!provider) throw new SsoRefused(SsoRefusal.NO_PROVIDER);
    const connection = new IdentityProviderService(this.ctx).connectionOf(provider);
    const claims = await completeAuthorization(connection, params, { state: params.state, nonce: attempt.nonce, codeVerifier: attempt.codeVerifier }).catch((error) => {
      throw error instanceof CallbackError ? new SsoRefused(FAILURE[error.failure]) : error;
    });
    const person = await this.admit(provider, claims);
    await new AuthService(this.ctx).startSession(person, 'single-sign-on');
    return { organisationId: provider.organisationId };
  }

  /** Finds, links or (where the organisation allows) creates the person the provider vouches for, in one transaction. */
  private async admit(provider: IdentityProviderEntity, claims: IdTokenClaims): Promise<PersonEntity> {
    const verified = claims.email_verified === true || claims.xms_edov === true; // Entra: the tenant owns the domain
    if (typeof claims.email !== 'string' || !verified) throw new SsoRefused(SsoRefusal.EMAIL_UNVERIFIED);
    const email = normaliseEmail(claims.email);
    const { organisationId } = provider;
    return this.ctx.db.transaction(async (tx) => {
      const covers = await tx.getRepository(IdentityProviderDomainEntity).existsBy({ domain: domainOf(email), providerId: provider.id });
      if (!covers) throw new SsoRefused(SsoRefusal.WRONG_ORGANISATION);
      const people = tx.getRepository(PersonEntity);
      let person = await people.createQueryBuilder('p').setLock('pessimistic_write').where('p.email = :email', { email }).getOne();
      // A platform admin keeps a password; an organisation's provider never signs one in.
      if (person?.isPlatformAdmin) throw new SsoRefused(SsoRefusal.WRONG_ORGANISATION);
      const memberships = person ? await tx.getRepository(MembershipEntity).findBy({ personId: person.id }) : [];
      // Someone who also belongs to another organisation: this provider does not answer for that one.
      if (memberships.some((m) => m.organisationId !== organisationId)) throw new SsoRefused(SsoRefusal.WRONG_ORGANISATION);
      const membership = memberships.find((m) => m.organisationId === organisationId);
      if (membership) {
        if (membership.deactivatedAt) throw new SsoRefused(SsoRefusal.DEACTIVATED);
        return person!;
      }
      person ??= await people.save(people.create({ email, displayName: nameFrom(claims, email), passwordHash: null }));
      if (await new InvitationService(this.ctx).acceptForVerifiedPerson(tx, organisationId, person)) return person;
      if (provider.newPeople !== NewPeoplePolicy.JOIN_ON_FIRST_SIGN_IN) throw new SsoRefused(SsoRefusal.NOT_INVITED);
      await new MembershipService(this.ctx).provision(
        tx,
        organisationId,
        person,
        { roles: provider.joinRoles, jobTitle: null, division: null, externalId: null, active: true },
        { actorId: person.id, via: MembershipAuditVia.SINGLE_SIGN_ON },
      );
      return person;
    });
  }
}

function nameFrom(claims: IdTokenClaims, email: string): string {
  const full = typeof claims.name === 'string' ? claims.name.trim() : '';
  const parts = [claims.given_name, claims.family_name].filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ');
  return (full || parts || email.split('@')[0]).slice(0, 120);
}
