import { In, Not, type EntityManager } from 'typeorm';
import { DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors';
import { findForUpdate } from '../../common/locking';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { ChangeEntity } from '../change/change.entity';
import { FINISHED } from '../change/change.workflow';
import { OPEN_PAIR, PairEntity } from '../pair/pair.entity';
import { MembershipAuditKind } from '../membership-audit/membership-audit.entity';
import { recordMembershipAudit } from '../membership-audit/membership-audit.service';
import { MembershipEntity, Role } from './membership.entity';
import { PersonEntity } from './person.entity';
import { identityPolicy } from './person.policy';

export interface MembershipUpdate {
  roles: Role[];
  jobTitle?: string | null;
  division?: string | null;
}

/**
 * People's memberships read FOR SHARE, for a check that gives them work (owning a change, joining a
 * pair): a concurrent role change or removal, which locks the row FOR UPDATE, then runs before or
 * after this transaction, never beside it, so nobody is given work by a role they are losing.
 */
export function shareLockMemberships(tx: EntityManager, organisationId: string, personIds: string[]): Promise<MembershipEntity[]> {
  return tx
    .getRepository(MembershipEntity)
    .createQueryBuilder('m')
    .setLock('pessimistic_read')
    .where('m.organisation_id = :organisationId AND m.person_id IN (:...personIds)', { organisationId, personIds })
    .getMany();
}

/**
 * A programme manager changes people's roles in their organisation, or removes them from it.
 * Nothing is left without someone responsible: not the organisation (its last programme manager),
 * not a pair (its co-learners), not a change (its owner).
 */
export class MembershipService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  async update(membershipId: string, update: MembershipUpdate): Promise<MembershipEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const membership = await this.lockManageable(tx, membershipId);
      const roles = Object.values(Role).filter((role) => update.roles.includes(role)); // one of each, always in the same order
      const jobTitle = update.jobTitle === undefined ? membership.jobTitle : update.jobTitle?.trim() || null;
      const division = update.division === undefined ? membership.division : update.division?.trim() || null;
      const unchanged = [...roles].sort().join() === [...membership.roles].sort().join() && jobTitle === membership.jobTitle && division === membership.division;
      if (unchanged) return membership; // nothing to save, nothing for the history
      await this.assertNothingLeftBehind(tx, membership, membership.roles.filter((role) => !roles.includes(role)));
      await this.audit(tx, membership, MembershipAuditKind.DETAILS_CHANGED, roles);
      Object.assign(membership, { roles, jobTitle, division });
      return tx.getRepository(MembershipEntity).save(membership);
    });
  }

  /** Ends the person's membership: from the next request they see nothing of the organisation. */
  async remove(membershipId: string): Promise<void> {
    await this.ctx.db.transaction(async (tx) => {
      const membership = await this.lockManageable(tx, membershipId);
      await this.assertNothingLeftBehind(tx, membership, membership.roles);
      await this.audit(tx, membership, MembershipAuditKind.REMOVED, null);
      await tx.getRepository(MembershipEntity).delete({ id: membership.id });
    });
  }

  /**
   * Locks the membership and, first, every programme manager's membership of its organisation, so
   * two managers demoting each other at once cannot leave the organisation with none.
   */
  private async lockManageable(tx: EntityManager, membershipId: string): Promise<MembershipEntity> {
    const found = await tx.getRepository(MembershipEntity).findOneBy({ id: membershipId });
    if (!found || !identityPolicy.canSeeMembersOf(this.viewer, found.organisationId)) throw notFound('That membership');
    if (!identityPolicy.canManageMembersOf(this.viewer, found.organisationId)) {
      throw forbidden("Only the organisation's programme managers change its members' roles.");
    }
    const managers = await tx
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.organisation_id = :organisationId AND :role = ANY(m.roles)', { organisationId: found.organisationId, role: Role.PROGRAMME_MANAGER })
      .orderBy('m.id')
      .getMany();
    // The viewer was read before the lock: another manager may have demoted them meanwhile.
    if (!managers.some((manager) => manager.personId === this.viewer.personId)) {
      throw forbidden('You are no longer a programme manager of this organisation.');
    }
    const membership = await findForUpdate(tx, MembershipEntity, membershipId);
    if (!membership) throw notFound('That membership');
    return membership;
  }

  private async audit(tx: EntityManager, membership: MembershipEntity, kind: MembershipAuditKind, rolesAfter: Role[] | null): Promise<void> {
    const subject = await tx.getRepository(PersonEntity).findOneByOrFail({ id: membership.personId });
    await recordMembershipAudit(tx, { organisationId: membership.organisationId, kind, actorId: this.viewer.personId, subject, rolesBefore: membership.roles, rolesAfter });
  }

  private async assertNothingLeftBehind(tx: EntityManager, membership: MembershipEntity, losing: Role[]): Promise<void> {
    const { personId, organisationId } = membership;
    if (losing.includes(Role.PROGRAMME_MANAGER)) {
      const managers = await tx
        .getRepository(MembershipEntity)
        .createQueryBuilder('m')
        .where('m.organisation_id = :organisationId AND :role = ANY(m.roles) AND m.id <> :id', { organisationId, role: Role.PROGRAMME_MANAGER, id: membership.id })
        .getCount();
      if (managers === 0) {
        throw new DomainError(UserErrorCode.LAST_PROGRAMME_MANAGER, 'The organisation needs a programme manager: make someone else one first.', ['input', 'roles']);
      }
    }
    if (losing.includes(Role.CO_LEARNER)) {
      const pairs = await tx.getRepository(PairEntity).count({
        where: [
          { organisationId, seniorId: personId, status: In(OPEN_PAIR) },
          { organisationId, juniorId: personId, status: In(OPEN_PAIR) },
        ],
      });
      if (pairs > 0) {
        throw new DomainError(UserErrorCode.IN_CURRENT_PAIR, `They are in ${pairs === 1 ? 'a pair' : `${pairs} pairs`} that has not ended: end it on the programme's page first.`, ['input', 'roles']);
      }
    }
    if (losing.includes(Role.OWNER)) {
      const changes = await tx.getRepository(ChangeEntity).countBy({ organisationId, ownerId: personId, status: Not(In(FINISHED)) });
      if (changes > 0) {
        throw new DomainError(
          UserErrorCode.OWNS_UNFINISHED_CHANGES,
          `They own ${changes === 1 ? 'a change' : `${changes} changes`} not yet adopted, rejected or withdrawn: hand ${changes === 1 ? 'it' : 'them'} to another owner from the change's page first.`,
          ['input', 'roles'],
        );
      }
    }
  }
}
