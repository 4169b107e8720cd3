import type { EntityManager } from 'typeorm';
import { forbidden } from '../../common/errors';
import { paginate, type ConnectionArgs } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import type { Role } from '../person/membership.entity';
import { identityPolicy } from '../person/person.policy';
import { MembershipAuditEntity, type MembershipAuditKind, type MembershipAuditVia } from './membership-audit.entity';
import { MembershipAuditEntry } from './membership-audit.type';

export interface MembershipAuditRecord {
  organisationId: string;
  kind: MembershipAuditKind;
  actorId: string | null;
  via?: MembershipAuditVia | null;
  subject: { displayName: string; email: string };
  rolesBefore?: Role[] | null;
  rolesAfter?: Role[] | null;
}

/** Appends one entry inside the caller's transaction, so the entry and what it records commit together. */
export async function recordMembershipAudit(tx: EntityManager, record: MembershipAuditRecord): Promise<void> {
  await recordMembershipAudits(tx, [record]);
}

/** Appends several entries in one statement (a bulk import), inside the caller's transaction. */
export async function recordMembershipAudits(tx: EntityManager, records: MembershipAuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx.getRepository(MembershipAuditEntity).insert(
    records.map((record) => ({
      organisationId: record.organisationId,
      kind: record.kind,
      actorId: record.actorId,
      via: record.via ?? null,
      subjectName: record.subject.displayName,
      subjectEmail: record.subject.email,
      rolesBefore: record.rolesBefore ?? null,
      rolesAfter: record.rolesAfter ?? null,
    })),
  );
}

/** An organisation's membership history, newest first, for its programme managers. */
export function membershipAudit(ctx: Context, organisationId: string, args: ConnectionArgs) {
  if (!identityPolicy.canManageMembersOf(ctx.viewer as Viewer, organisationId)) {
    throw forbidden("Only the organisation's programme managers see who changed its membership.");
  }
  const query = ctx.db.getRepository(MembershipAuditEntity).createQueryBuilder('a').where('a.organisation_id = :organisationId', { organisationId });
  return paginate(
    query,
    { name: 'newest', direction: 'DESC', keys: [{ sql: 'a.created_at', value: (a) => a.createdAt }, { sql: 'a.id', value: (a) => a.id }] },
    args,
    MembershipAuditEntry.from,
  );
}
