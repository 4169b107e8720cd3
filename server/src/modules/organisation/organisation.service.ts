import { In } from 'typeorm';
import { DomainError, forbidden, UserErrorCode } from '../../common/errors';
import type { ConnectionArgs } from '../../common/relay';
import { paginate } from '../../common/relay';
import type { Context } from '../../context';
import { InvitationService, type IssuedInvitation } from '../invitation/invitation.service';
import { MembershipEntity, Role } from '../person/membership.entity';
import { identityPolicy } from '../person/person.policy';
import { Membership } from '../person/person.type';
import { OrganisationEntity, type Sector } from './organisation.entity';
import { Organisation } from './organisation.type';

export interface NewOrganisation {
  name: string;
  slug: string;
  sector: Sector;
  country: string;
  firstManager: { email: string; displayName: string; jobTitle?: string | null };
}

export class OrganisationService {
  constructor(private readonly ctx: Context) {}

  private get viewer() {
    if (!this.ctx.viewer) throw new Error('OrganisationService needs a signed-in viewer');
    return this.ctx.viewer;
  }

  /** A platform admin creates an organisation and invites its first programme manager. */
  async create(input: NewOrganisation): Promise<{ organisation: OrganisationEntity; invitation: IssuedInvitation }> {
    if (!identityPolicy.canCreateOrganisation(this.viewer)) throw forbidden('Only a platform admin can create organisations.');
    if (!identityPolicy.canGrant(this.viewer, null, [Role.PROGRAMME_MANAGER], input.firstManager.email)) {
      throw new DomainError(UserErrorCode.INVALID_INPUT, 'Invite someone else as the first programme manager: a platform admin does not join organisations.', [
        'input',
        'firstManager',
        'email',
      ]);
    }
    return this.ctx.db.transaction(async (tx) => {
      const slug = input.slug.toLowerCase();
      if (await tx.getRepository(OrganisationEntity).existsBy({ slug })) {
        throw new DomainError(UserErrorCode.ALREADY_EXISTS, `The slug "${slug}" is taken.`, ['input', 'slug']);
      }
      const organisation = await tx.getRepository(OrganisationEntity).save(
        tx.getRepository(OrganisationEntity).create({
          name: input.name.trim(),
          slug,
          sector: input.sector,
          country: input.country.toUpperCase(),
        }),
      );
      const invitation = await new InvitationService(this.ctx).issue(tx, organisation.id, {
        ...input.firstManager,
        roles: [Role.PROGRAMME_MANAGER],
        division: null,
      });
      return { organisation, invitation };
    });
  }

  /** The organisations the viewer may see: their own, or every one for a platform admin. */
  async visible(args: ConnectionArgs) {
    const query = this.ctx.db.getRepository(OrganisationEntity).createQueryBuilder('o');
    if (!this.viewer.isPlatformAdmin) {
      const ids = this.viewer.organisationIds;
      query.where(ids.length ? { id: In(ids) } : '1 = 0');
    }
    return paginate(
      query,
      { name: 'name', direction: 'ASC', keys: [{ sql: 'o.name', value: (o) => o.name }, { sql: 'o.id', value: (o) => o.id }] },
      args,
      Organisation.from,
    );
  }

  async members(organisationId: string, args: ConnectionArgs, roles?: Role[] | null) {
    if (!identityPolicy.canSeeMembersOf(this.viewer, organisationId)) throw forbidden('You may not see this organisation\'s members.');
    const query = this.ctx.db
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .where('m.organisation_id = :organisationId', { organisationId });
    if (roles?.length) query.andWhere('m.roles && CAST(:roles AS role[])', { roles });
    return paginate(
      query,
      { name: 'joined', direction: 'ASC', keys: [{ sql: 'm.created_at', value: (m) => m.createdAt }, { sql: 'm.id', value: (m) => m.id }] },
      args,
      Membership.from,
    );
  }
}
