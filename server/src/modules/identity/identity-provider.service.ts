import { In, Not, type EntityManager } from 'typeorm';
import { DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors';
import { findForUpdate } from '../../common/locking';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { encryptNotes, decryptNotes } from '../pair/notes-cipher';
import { MembershipEntity, Role } from '../person/membership.entity';
import { PersonEntity } from '../person/person.entity';
import { IdentityProviderDomainEntity, IdentityProviderEntity, NewPeoplePolicy } from './identity-provider.entity';
import { identityProviderPolicy } from './identity-provider.policy';
import { canTransition, IdentityProviderAction, refusal, statusOf, TRANSITIONS } from './identity-provider.workflow';
import { discover, DiscoveryProblem, type ProviderConnection } from './oidc-client';

export interface IdentityProviderSettings {
  issuer: string;
  clientId: string;
  /** Absent or empty keeps the stored secret. */
  clientSecret?: string | null;
  emailDomains: string[];
  newPeople: NewPeoplePolicy;
  joinRoles: Role[];
}

export interface ConfiguredProvider {
  provider: IdentityProviderEntity;
  domains: string[];
}

export const SSO_CALLBACK_PATH = '/auth/sso/callback';

export const domainOf = (email: string) => email.trim().toLowerCase().split('@').pop() ?? '';

const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** An organisation's identity provider: set up by its programme managers or a platform admin, tested, then turned on. */
export class IdentityProviderService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  private assertMayConfigure(organisationId: string): void {
    if (!identityProviderPolicy.canConfigure(this.viewer, organisationId)) {
      throw forbidden("Only the organisation's programme managers or a platform admin set up its sign-in.");
    }
  }

  private get key(): Buffer {
    if (!this.ctx.config.notesKey) throw new Error('NOTES_ENCRYPTION_KEY is needed to keep identity-provider secrets');
    return this.ctx.config.notesKey;
  }

  redirectUri(): string {
    return `${this.ctx.config.publicUrl}${SSO_CALLBACK_PATH}`;
  }

  connectionOf(provider: IdentityProviderEntity): ProviderConnection {
    return { issuer: provider.issuer, clientId: provider.clientId, clientSecret: decryptNotes(this.key, provider.clientSecretEncrypted), redirectUri: this.redirectUri() };
  }

  /** The organisation's provider for its programme managers and platform admins; null for anyone else or when there is none. */
  async find(organisationId: string): Promise<ConfiguredProvider | null> {
    if (!identityProviderPolicy.canConfigure(this.viewer, organisationId)) return null;
    const provider = await this.ctx.db.getRepository(IdentityProviderEntity).findOneBy({ organisationId });
    return provider && { provider, domains: await this.domainsOf(this.ctx.db.manager, provider.id) };
  }

  private async domainsOf(tx: EntityManager, providerId: string): Promise<string[]> {
    const rows = await tx.getRepository(IdentityProviderDomainEntity).find({ where: { providerId }, order: { domain: 'ASC' } });
    return rows.map((row) => row.domain);
  }

  /** Creates or updates the provider. Changing the issuer, client id or secret turns sign-in through it off until tested again. */
  async configure(organisationId: string, settings: IdentityProviderSettings): Promise<ConfiguredProvider> {
    this.assertMayConfigure(organisationId);
    const issuer = settings.issuer.trim();
    this.assertIssuerUrl(issuer);
    const domains = [...new Set(settings.emailDomains.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))];
    const bad = domains.find((d) => !DOMAIN.test(d));
    if (bad) throw new DomainError(UserErrorCode.INVALID_INPUT, `"${bad}" is not an email domain such as northshore.nhs.uk.`, ['input', 'emailDomains']);
    if (domains.length === 0) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Name at least one email domain the provider covers.', ['input', 'emailDomains']);
    const joinRoles = Object.values(Role).filter((role) => settings.joinRoles.includes(role));
    if (settings.newPeople === NewPeoplePolicy.JOIN_ON_FIRST_SIGN_IN && joinRoles.length === 0) {
      throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose the roles people get when they join on first sign-in.', ['input', 'joinRoles']);
    }
    const secret = settings.clientSecret?.trim() || null;

    return this.ctx.db.transaction(async (tx) => {
      if (!(await tx.getRepository(OrganisationEntity).existsBy({ id: organisationId }))) throw notFound('That organisation');
      const repo = tx.getRepository(IdentityProviderEntity);
      const existing = await repo.createQueryBuilder('p').setLock('pessimistic_write').where('p.organisation_id = :organisationId', { organisationId }).getOne();
      if (!existing && !secret) throw new DomainError(UserErrorCode.INVALID_INPUT, "Enter the client secret from the provider's app registration.", ['input', 'clientSecret']);
      await this.assertDomainsFree(tx, organisationId, existing?.id ?? null, domains);

      const connectionChanged =
        !existing || existing.issuer !== issuer || existing.clientId !== settings.clientId.trim() || (secret !== null && decryptNotes(this.key, existing.clientSecretEncrypted) !== secret);
      const provider = existing ?? repo.create({ organisationId });
      Object.assign(provider, {
        issuer,
        clientId: settings.clientId.trim(),
        newPeople: settings.newPeople,
        joinRoles: settings.newPeople === NewPeoplePolicy.JOIN_ON_FIRST_SIGN_IN ? joinRoles : [],
      });
      if (secret) provider.clientSecretEncrypted = encryptNotes(this.key, secret);
      if (connectionChanged) {
        // CHANGE_CONNECTION: from any status to UNTESTED, so nobody signs in through an untested connection.
        Object.assign(provider, { testedAt: null, enabled: false, requireSingleSignOn: false });
      }
      const saved = await repo.save(provider);
      const domainRepo = tx.getRepository(IdentityProviderDomainEntity);
      await domainRepo.delete({ providerId: saved.id });
      await domainRepo.insert(domains.map((domain) => ({ domain, providerId: saved.id })));
      return { provider: saved, domains: domains.sort() };
    });
  }

  private assertIssuerUrl(issuer: string): void {
    let url: URL;
    try {
      url = new URL(issuer);
    } catch {
      throw new DomainError(UserErrorCode.INVALID_INPUT, 'Enter the issuer as a full URL, such as https://login.microsoftonline.com/<tenant id>/v2.0.', ['input', 'issuer']);
    }
    const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && this.ctx.config.allowHttpIssuers);
    if (!allowed || url.username || url.password || url.search || url.hash) {
      throw new DomainError(UserErrorCode.INVALID_INPUT, 'The issuer must be an https:// URL without a query or credentials.', ['input', 'issuer']);
    }
  }

  /**
   * A domain belongs to one organisation: not one another organisation's provider covers, nor one
   * in which another organisation already has members (claiming it would send their sign-ins to a
   * stranger's provider).
   */
  private async assertDomainsFree(tx: EntityManager, organisationId: string, providerId: string | null, domains: string[]): Promise<void> {
    const taken = await tx.getRepository(IdentityProviderDomainEntity).find({
      where: { domain: In(domains), ...(providerId ? { providerId: Not(providerId) } : {}) },
    });
    if (taken.length) {
      throw new DomainError(UserErrorCode.DOMAIN_TAKEN, `${taken[0].domain} is already covered by another organisation's sign-in.`, ['input', 'emailDomains']);
    }
    for (const domain of domains) {
      const elsewhere = await tx
        .getRepository(MembershipEntity)
        .createQueryBuilder('m')
        .innerJoin(PersonEntity, 'p', 'p.id = m.person_id')
        .where('m.organisation_id <> :organisationId AND p.email LIKE :pattern', { organisationId, pattern: `%@${domain.replace(/[%_\\]/g, '\\$&')}` })
        .getExists();
      if (elsewhere) {
        throw new DomainError(UserErrorCode.DOMAIN_TAKEN, `People with ${domain} addresses belong to another organisation: ask a platform admin.`, ['input', 'emailDomains']);
      }
    }
  }

  /** "Test the connection": fetches the provider's discovery document and says what is wrong with it; records a pass. */
  async test(organisationId: string): Promise<ConfiguredProvider> {
    this.assertMayConfigure(organisationId);
    const provider = await this.ctx.db.getRepository(IdentityProviderEntity).findOneBy({ organisationId });
    if (!provider) throw new DomainError(UserErrorCode.NOT_FOUND, 'Set up the identity provider first.');
    try {
      await discover(provider.issuer);
    } catch (error) {
      if (!(error instanceof DiscoveryProblem)) throw error;
      throw new DomainError(UserErrorCode.CONNECTION_FAILED, error.message, ['input', 'issuer']);
    }
    return this.ctx.db.transaction(async (tx) => {
      const locked = await findForUpdate(tx, IdentityProviderEntity, provider.id);
      if (!locked) throw notFound('That identity provider');
      // Changed while we were fetching: the pass was for the old connection.
      if (locked.issuer !== provider.issuer || locked.clientId !== provider.clientId || locked.clientSecretEncrypted !== provider.clientSecretEncrypted) {
        throw new DomainError(UserErrorCode.CONFLICT, 'The connection changed while it was being tested: test it again.');
      }
      locked.testedAt = new Date();
      const saved = await tx.getRepository(IdentityProviderEntity).save(locked);
      return { provider: saved, domains: await this.domainsOf(tx, saved.id) };
    });
  }

  /** Turns sign-in through the provider on or off, and whether members must use it. */
  async setUse(organisationId: string, use: { enabled: boolean; requireSingleSignOn: boolean }): Promise<ConfiguredProvider> {
    this.assertMayConfigure(organisationId);
    return this.ctx.db.transaction(async (tx) => {
      const found = await tx.getRepository(IdentityProviderEntity).findOneBy({ organisationId });
      const provider = found && (await findForUpdate(tx, IdentityProviderEntity, found.id));
      if (!provider) throw new DomainError(UserErrorCode.NOT_FOUND, 'Set up the identity provider first.');
      const steps = use.enabled
        ? [IdentityProviderAction.ENABLE, ...(use.requireSingleSignOn ? [IdentityProviderAction.REQUIRE_SINGLE_SIGN_ON] : [])]
        : [IdentityProviderAction.DISABLE];
      if (!use.enabled && use.requireSingleSignOn) {
        throw new DomainError(UserErrorCode.INVALID_INPUT, 'Single sign-on can only be required while it is turned on.', ['input', 'requireSingleSignOn']);
      }
      let status = statusOf(provider);
      for (const action of steps) {
        if (!canTransition(status, action)) throw new DomainError(UserErrorCode.INVALID_TRANSITION, refusal(status, action));
        status = TRANSITIONS[action].to ?? status;
      }
      Object.assign(provider, { enabled: use.enabled, requireSingleSignOn: use.enabled && use.requireSingleSignOn });
      const saved = await tx.getRepository(IdentityProviderEntity).save(provider);
      return { provider: saved, domains: await this.domainsOf(tx, saved.id) };
    });
  }

  /** The turned-on provider covering an email's domain, with its organisation; for the sign-in page. */
  async enabledFor(email: string): Promise<{ provider: IdentityProviderEntity; organisation: OrganisationEntity } | null> {
    const row = await this.ctx.db.getRepository(IdentityProviderDomainEntity).findOne({
      where: { domain: domainOf(email), provider: { enabled: true } },
      relations: { provider: { organisation: true } },
    });
    return row?.provider?.organisation ? { provider: row.provider, organisation: row.provider.organisation } : null;
  }

  /** Whether an organisation the person belongs to refuses them a password; platform admins always keep theirs. */
  static async requiresSingleSignOn(tx: EntityManager, person: PersonEntity): Promise<boolean> {
    if (person.isPlatformAdmin) return false;
    return tx
      .getRepository(IdentityProviderEntity)
      .createQueryBuilder('p')
      .innerJoin(MembershipEntity, 'm', 'm.organisation_id = p.organisation_id AND m.deactivated_at IS NULL')
      .where('m.person_id = :personId AND p.enabled AND p.require_single_sign_on', { personId: person.id })
      .getExists();
  }
}
