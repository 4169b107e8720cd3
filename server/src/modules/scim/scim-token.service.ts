import { IsNull } from 'typeorm';
import type { DataSource } from 'typeorm';
import { forbidden, notFound } from '../../common/errors';
import type { Context } from '../../context';
import { hashToken, newToken } from '../auth/tokens';
import type { Viewer } from '../auth/viewer';
import { identityProviderPolicy } from '../identity/identity-provider.policy';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { ScimTokenEntity } from './scim-token.entity';

/** Provisioning tokens: one live token per organisation, shown once, kept as a hash, revocable. */
export class ScimTokenService {
  constructor(private readonly ctx: Context) {}

  private assertMayManage(organisationId: string): void {
    if (!identityProviderPolicy.canConfigure(this.ctx.viewer as Viewer, organisationId)) {
      throw forbidden("Only the organisation's programme managers or a platform admin manage its provisioning token.");
    }
  }

  async mayManage(organisationId: string): Promise<boolean> {
    return identityProviderPolicy.canConfigure(this.ctx.viewer as Viewer, organisationId);
  }

  /** The organisation's live token (never its value), for its programme managers and platform admins. */
  async active(organisationId: string): Promise<ScimTokenEntity | null> {
    this.assertMayManage(organisationId);
    return this.ctx.db.getRepository(ScimTokenEntity).findOneBy({ organisationId, revokedAt: IsNull() });
  }

  /** A new token, returned this once; any earlier one stops working. */
  async create(organisationId: string): Promise<{ token: string; entity: ScimTokenEntity }> {
    this.assertMayManage(organisationId);
    return this.ctx.db.transaction(async (tx) => {
      const organisation = await tx.getRepository(OrganisationEntity).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :organisationId', { organisationId }).getOne();
      if (!organisation) throw notFound('That organisation');
      const tokens = tx.getRepository(ScimTokenEntity);
      await tokens.update({ organisationId, revokedAt: IsNull() }, { revokedAt: new Date() });
      // The prefix lets secret scanners and people tell a provisioning token from a session token.
      const token = `scim_${newToken().token}`;
      const entity = await tokens.save(tokens.create({ organisationId, tokenHash: hashToken(token), createdById: this.ctx.viewer?.personId ?? null }));
      return { token, entity };
    });
  }

  async revoke(organisationId: string): Promise<void> {
    this.assertMayManage(organisationId);
    await this.ctx.db.getRepository(ScimTokenEntity).update({ organisationId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}

/** The organisation a bearer token provisions, or null for an unknown or revoked token. */
export async function organisationOfScimToken(db: DataSource, token: string | undefined): Promise<string | null> {
  if (!token) return null;
  const found = await db.getRepository(ScimTokenEntity).findOneBy({ tokenHash: hashToken(token), revokedAt: IsNull() });
  if (!found) return null;
  await db.getRepository(ScimTokenEntity).update(found.id, { lastUsedAt: new Date() });
  return found.organisationId;
}
