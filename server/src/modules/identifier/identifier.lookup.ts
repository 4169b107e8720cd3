import type { EntityManager } from 'typeorm';
import type { IdentifierRole } from '../library/redaction';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { IdentifierKind, OrganisationIdentifierEntity } from './identifier.entity';

const ROLE: Record<IdentifierKind, IdentifierRole> = {
  [IdentifierKind.SHORT_FORM]: 'ORGANISATION',
  [IdentifierKind.ALIAS]: 'ORGANISATION',
  [IdentifierKind.SITE]: 'SITE',
  [IdentifierKind.WARD]: 'WARD',
  [IdentifierKind.DEPARTMENT]: 'DEPARTMENT',
};

/** Everything the redaction assistant looks for in an organisation's case: its own name first, then its list. */
export async function identifiersFor(tx: EntityManager, organisationId: string): Promise<{ value: string; role: IdentifierRole }[]> {
  const organisation = await tx.getRepository(OrganisationEntity).findOneBy({ id: organisationId });
  const listed = await tx.getRepository(OrganisationIdentifierEntity).find({ where: { organisationId }, order: { createdAt: 'ASC' } });
  return [...(organisation ? [{ value: organisation.name, role: 'ORGANISATION' as const }] : []), ...listed.map((i) => ({ value: i.value, role: ROLE[i.kind] }))];
}
