import type { DataSource } from 'typeorm';
import { byId, manyBy } from '../../common/loader-utils';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { MembershipEntity } from './membership.entity';
import { PersonEntity } from './person.entity';

export function createIdentityLoaders(db: DataSource) {
  return {
    organisation: byId(db, OrganisationEntity),
    person: byId(db, PersonEntity),
    membership: byId(db, MembershipEntity),
    membershipsByPerson: manyBy(db, MembershipEntity, 'personId', { createdAt: 'ASC' }),
  };
}
