import { In, Not, type EntityManager } from 'typeorm';
import { DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors';
import { findForUpdate } from '../../common/locking';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { ChangeEntity } from '../change/change.entity';
import { FINISHED } from '../change/change.workflow';
import { OPEN_PAIR, PairEntity } from '../pair/pair.entity';
import { MembershipAuditKind, MembershipAuditVia } from '../membership-audit/membership-audit.entity';
import { recordMembershipAudit, recordMembershipAudits } from '../membership-audit/membership-audit.service';
import { MembershipEntity, Role } from './membership.entity';
import { PersonEntity } from './person.entity';
import { identityPolicy } from './person.policy';
import { wouldCloseCircle } from './reporting-line';

/** Who acted, when it was not a signed-in manager: the organisation's provisioning client (SCIM). */
const PROVISIONING = { actorId: null, via: MembershipAuditVia.PROVISIONING } as const;

export interface ProvisionedMember {
  roles: Role[];
  jobTitle: string | null;
  division: string | null;
  externalId: string | null;
  active: boolean;
  grade?: number | null;
}

export interface MembershipUpdate {
  roles: Role[];
  jobTitle?: string | null;
  division?: string | null;
  /** Undefined keeps it, null clears it. */
  grade?: number | null;
  /** The line manager's membership id; undefined keeps it, null clears it. */
  lineManagerId?: string | null;
}

/** What an import changes on an existing member: details it gives, and roles it adds (never removes). */
export interface ImportedDetails {
  roles: Role[];
  jobTitle: string | null;
  division: string | null;
  grade: number | null;
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
    .where('m.organisation_id = :organisationId AND m.person_id IN (:...personIds) AND m.deactivated_at IS NULL', { organisationId, personIds })
    .getMany();
}

/**
 * Who holds `role` in each of `organisationIds` (every id is a key, with no one if nobody does):
 * whom a notice or reminder for that role goes to. Active memberships only: someone deactivated
 * hears nothing more from the organisation.
 */
export async function activeRoleHolders(db: Pick<EntityManager, 'query'>, organisationIds: readonly string[], role: Role): Promise<Map<string, string[]>> {
  const holders = new Map<string, string[]>(organisationIds.map((id) => [id, []]));
  if (organisationIds.length === 0) return holders;
  const rows: { organisation_id: string; person_id: string }[] = await db.query(
    `SELECT organisation_id, person_id FROM membership WHERE organisation_id = ANY($1::uuid[]) AND $2 = ANY(roles) AND deactivated_at IS NULL`,
    [organisationIds, role],
  );
  for (const row of rows) holders.get(row.organisation_id)?.push(row.person_id);
  return holders;
}

/**
 * Every programme manager's membership of an organisation, locked in id order, so two changes that
 * each take a manager away (two managers demoting each other, or a deactivation beside a demotion)
 * cannot both pass the "one manager remains" check.
 */
function lockManagers(tx: EntityManager, organisationId: string): Promise<MembershipEntity[]> {
  return tx
    .getRepository(MembershipEntity)
    .createQueryBuilder('m')
    .setLock('pessimistic_write')
    .where('m.organisation_id = :organisationId AND :role = ANY(m.roles)', { organisationId, role: Role.PROGRAMME_MANAGER })
    .orderBy('m.id')
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
      const grade = update.grade === undefined ? membership.grade : update.grade;
      const lineManagerId = update.lineManagerId === undefined ? membership.lineManagerId : update.lineManagerId;
      const unchanged =
        [...roles].sort().join() === [...membership.roles].sort().join() &&
        jobTitle === membership.jobTitle &&
        division === membership.division &&
        grade === membership.grade &&
        lineManagerId === membership.lineManagerId;
      if (unchanged) return membership; // nothing to save, nothing for the history
      if (lineManagerId && lineManagerId !== membership.lineManagerId) await this.assertLineManager(tx, membership, lineManagerId);
      await this.assertNothingLeftBehind(tx, membership, membership.roles.filter((role) => !roles.includes(role)));
      await this.audit(tx, membership, MembershipAuditKind.DETAILS_CHANGED, roles);
      Object.assign(membership, { roles, jobTitle, division, grade, lineManagerId });
      return tx.getRepository(MembershipEntity).save(membership);
    });
  }

  /** A line manager is another member of the same organisation, and the chain above them does not lead back. */
  private async assertLineManager(tx: EntityManager, membership: MembershipEntity, lineManagerId: string): Promise<void> {
    const manager = await tx.getRepository(MembershipEntity).findOneBy({ id: lineManagerId });
    if (!manager || manager.organisationId !== membership.organisationId) {
      throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose a line manager who is a member of this organisation.', ['input', 'lineManagerId']);
    }
    if (await wouldCloseCircle(tx, membership.id, lineManagerId)) {
      throw new DomainError(UserErrorCode.INVALID_INPUT, 'That would make line management go round in a circle: they report to this person already.', ['input', 'lineManagerId']);
    }
  }

  /**
   * An import's changes to an existing member, inside the import's transaction: the details it
   * gives replace theirs, empty ones keep theirs, and its roles are added to theirs. Roles are
   * never taken away by an import, so nothing can be left without someone responsible.
   */
  async applyImported(tx: EntityManager, membership: MembershipEntity, details: ImportedDetails): Promise<MembershipEntity> {
    const locked = await findForUpdate(tx, MembershipEntity, membership.id);
    if (!locked) throw notFound('That membership');
    const roles = Object.values(Role).filter((role) => locked.roles.includes(role) || details.roles.includes(role));
    const next = { roles, jobTitle: details.jobTitle ?? locked.jobTitle, division: details.division ?? locked.division, grade: details.grade ?? locked.grade };
    const changed = roles.length !== locked.roles.length || next.jobTitle !== locked.jobTitle || next.division !== locked.division || next.grade !== locked.grade;
    if (!changed) return locked;
    await this.audit(tx, locked, MembershipAuditKind.DETAILS_CHANGED, roles);
    return tx.getRepository(MembershipEntity).save(Object.assign(locked, next));
  }

  /** Sets line managers in bulk inside the caller's transaction (which has checked that no circle results). */
  async setLineManagers(tx: EntityManager, organisationId: string, links: { membershipId: string; lineManagerId: string }[]): Promise<void> {
    if (links.length === 0) return;
    await tx.query(
      `UPDATE membership m SET line_manager_id = link.manager_id
         FROM unnest($1::uuid[], $2::uuid[]) AS link (membership_id, manager_id)
        WHERE m.id = link.membership_id AND m.organisation_id = $3`,
      [links.map((l) => l.membershipId), links.map((l) => l.lineManagerId), organisationId],
    );
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
    const managers = await lockManagers(tx, found.organisationId);
    // The viewer was read before the lock: another manager may have demoted them meanwhile.
    if (!managers.some((manager) => manager.personId === this.viewer.personId)) {
      throw forbidden('You are no longer a programme manager of this organisation.');
    }
    const membership = await findForUpdate(tx, MembershipEntity, membershipId);
    if (!membership) throw notFound('That membership');
    return membership;
  }

  private async audit(
    tx: EntityManager,
    membership: MembershipEntity,
    kind: MembershipAuditKind,
    rolesAfter: Role[] | null,
    actor: { actorId: string | null; via: MembershipAuditVia | null } = { actorId: this.viewer.personId, via: null },
  ): Promise<void> {
    const subject = await tx.getRepository(PersonEntity).findOneByOrFail({ id: membership.personId });
    await recordMembershipAudit(tx, { organisationId: membership.organisationId, kind, ...actor, subject, rolesBefore: membership.roles, rolesAfter });
  }

  /**
   * The provisioning client, or the identity provider on a first sign-in, adds a person (created or
   * found by the caller) to its organisation, inside the caller's transaction. A deactivated newcomer has no access until reactivated.
   */
  async provision(
    tx: EntityManager,
    organisationId: string,
    person: PersonEntity,
    member: ProvisionedMember,
    actor: { actorId: string | null; via: MembershipAuditVia | null } = PROVISIONING,
  ): Promise<MembershipEntity> {
    return (await this.provisionMany(tx, organisationId, [{ person, member }], actor))[0];
  }

  /** Adds several people to the organisation at once (a bulk import), in a few statements, inside the caller's transaction. */
  async provisionMany(
    tx: EntityManager,
    organisationId: string,
    entries: { person: PersonEntity; member: ProvisionedMember }[],
    actor: { actorId: string | null; via: MembershipAuditVia | null },
  ): Promise<MembershipEntity[]> {
    if (entries.length === 0) return [];
    const memberships = tx.getRepository(MembershipEntity);
    const saved = await memberships.save(
      entries.map(({ person, member }) =>
        memberships.create({
          personId: person.id,
          organisationId,
          roles: member.roles,
          jobTitle: member.jobTitle,
          division: member.division,
          grade: member.grade ?? null,
          externalId: member.externalId,
          deactivatedAt: member.active ? null : new Date(),
        }),
      ),
      { chunk: 500 },
    );
    await recordMembershipAudits(tx, [
      ...entries.map(({ person }, i) => ({ organisationId, kind: MembershipAuditKind.JOINED, ...actor, subject: person, rolesAfter: saved[i].roles })),
      ...entries
        .filter(({ member }) => !member.active)
        .map(({ person, member }) => ({ organisationId, kind: MembershipAuditKind.DEACTIVATED, ...actor, subject: person, rolesBefore: member.roles })),
    ]);
    return saved;
  }

  /**
   * The provisioning client changes a member: job title, division, its own id for them, and whether
   * they are active. Deactivation removes access at once under the rules of removal (nothing is left
   * without someone responsible); reactivation restores access with the roles the membership has
   * now, whatever a manager changed meanwhile.
   */
  async provisionedUpdate(tx: EntityManager, membership: MembershipEntity, changes: Partial<Omit<ProvisionedMember, 'roles'>>): Promise<MembershipEntity> {
    const locked = await this.lockForProvisioning(tx, membership);
    const jobTitle = changes.jobTitle === undefined ? locked.jobTitle : changes.jobTitle?.trim() || null;
    const division = changes.division === undefined ? locked.division : changes.division?.trim() || null;
    if (jobTitle !== locked.jobTitle || division !== locked.division) {
      await this.audit(tx, locked, MembershipAuditKind.DETAILS_CHANGED, locked.roles, PROVISIONING);
    }
    const wasActive = locked.deactivatedAt === null;
    if (changes.active === false && wasActive) {
      await this.assertNothingLeftBehind(tx, locked, locked.roles);
      await this.audit(tx, locked, MembershipAuditKind.DEACTIVATED, null, PROVISIONING);
      locked.deactivatedAt = new Date();
    } else if (changes.active === true && !wasActive) {
      await recordMembershipAudit(tx, {
        organisationId: locked.organisationId,
        kind: MembershipAuditKind.REACTIVATED,
        ...PROVISIONING,
        subject: await tx.getRepository(PersonEntity).findOneByOrFail({ id: locked.personId }),
        rolesAfter: locked.roles,
      });
      locked.deactivatedAt = null;
    }
    Object.assign(locked, { jobTitle, division, externalId: changes.externalId === undefined ? locked.externalId : changes.externalId });
    return tx.getRepository(MembershipEntity).save(locked);
  }

  /** The provisioning client deletes a member: as a manager's removal, refused while it would strand a pair, a change or the organisation. */
  async provisionedRemove(tx: EntityManager, membership: MembershipEntity): Promise<void> {
    const locked = await this.lockForProvisioning(tx, membership);
    if (locked.deactivatedAt === null) await this.assertNothingLeftBehind(tx, locked, locked.roles);
    await this.audit(tx, locked, MembershipAuditKind.REMOVED, null, PROVISIONING);
    await tx.getRepository(MembershipEntity).delete({ id: locked.id });
  }

  private async lockForProvisioning(tx: EntityManager, membership: MembershipEntity): Promise<MembershipEntity> {
    await lockManagers(tx, membership.organisationId);
    const locked = await findForUpdate(tx, MembershipEntity, membership.id);
    if (!locked) throw notFound('That membership');
    return locked;
  }

  private async assertNothingLeftBehind(tx: EntityManager, membership: MembershipEntity, losing: Role[]): Promise<void> {
    const { personId, organisationId } = membership;
    if (losing.includes(Role.PROGRAMME_MANAGER)) {
      const managers = await tx
        .getRepository(MembershipEntity)
        .createQueryBuilder('m')
        .where('m.organisation_id = :organisationId AND :role = ANY(m.roles) AND m.id <> :id AND m.deactivated_at IS NULL', { organisationId, role: Role.PROGRAMME_MANAGER, id: membership.id })
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
