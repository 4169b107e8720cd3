import { DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors';
import { type ConnectionArgs, idOf, paginate } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { LibraryService } from '../library/library.service';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { normaliseIdentifier, OrganisationIdentifierEntity } from './identifier.entity';
import type { AddOrganisationIdentifierInput, RemoveOrganisationIdentifierInput } from './identifier.inputs';
import { identifierPolicy } from './identifier.policy';
import { OrganisationIdentifier } from './identifier.type';

/** An organisation's list of what identifies it, kept by its programme managers. */
export class IdentifierService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  list(organisationId: string, args: ConnectionArgs) {
    if (!identifierPolicy.canSee(this.viewer, organisationId)) throw notFound('That organisation');
    const query = this.ctx.db.getRepository(OrganisationIdentifierEntity).createQueryBuilder('i').where('i.organisation_id = :organisationId', { organisationId });
    return paginate(
      query,
      { name: 'identifier-added', direction: 'ASC', keys: [{ sql: 'i.created_at', value: (i) => i.createdAt }, { sql: 'i.id', value: (i) => i.id }] },
      args,
      OrganisationIdentifier.from,
    );
  }

  async add(input: AddOrganisationIdentifierInput): Promise<OrganisationIdentifierEntity> {
    const organisationId = idOf(input.organisationId, 'Organisation');
    return this.ctx.db.transaction(async (tx) => {
      const organisation = await tx.getRepository(OrganisationEntity).findOne({ where: { id: organisationId }, lock: { mode: 'pessimistic_write' } });
      if (!organisation || !identifierPolicy.canSee(this.viewer, organisationId)) throw notFound('That organisation');
      if (!identifierPolicy.canManage(this.viewer, organisationId)) throw forbidden("Only the organisation's programme managers keep its list of identifiers.");
      const value = input.value.trim().replace(/\s+/g, ' ');
      const normalised = normaliseIdentifier(value);
      if (normalised === normaliseIdentifier(organisation.name)) {
        throw new DomainError(UserErrorCode.ALREADY_EXISTS, "The organisation's name is always on the list.", ['input', 'value']);
      }
      if (!/[\p{L}\p{N}]{2}/u.test(value.replace(/[\s\-_.'’]/g, ''))) {
        throw new DomainError(UserErrorCode.INVALID_INPUT, 'Give at least two letters or digits.', ['input', 'value']);
      }
      const repository = tx.getRepository(OrganisationIdentifierEntity);
      if (await repository.existsBy({ organisationId, normalised })) {
        throw new DomainError(UserErrorCode.ALREADY_EXISTS, `“${value}” is already on the list.`, ['input', 'value']);
      }
      const saved = await repository.save(repository.create({ organisationId, kind: input.kind, value, normalised, addedById: this.viewer.personId }));
      await new LibraryService(this.ctx).identifiersChanged(tx, organisationId);
      return saved;
    });
  }

  async remove(input: RemoveOrganisationIdentifierInput): Promise<OrganisationIdentifierEntity> {
    const id = idOf(input.identifierId, 'OrganisationIdentifier');
    return this.ctx.db.transaction(async (tx) => {
      const identifier = await tx.getRepository(OrganisationIdentifierEntity).findOneBy({ id });
      if (!identifier || !identifierPolicy.canSee(this.viewer, identifier.organisationId)) throw notFound('That entry');
      if (!identifierPolicy.canManage(this.viewer, identifier.organisationId)) throw forbidden("Only the organisation's programme managers keep its list of identifiers.");
      await tx.getRepository(OrganisationEntity).findOne({ where: { id: identifier.organisationId }, lock: { mode: 'pessimistic_write' } });
      await tx.getRepository(OrganisationIdentifierEntity).delete({ id });
      await new LibraryService(this.ctx).identifiersChanged(tx, identifier.organisationId);
      return identifier;
    });
  }
}
