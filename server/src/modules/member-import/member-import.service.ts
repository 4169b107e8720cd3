import type { EntityManager } from 'typeorm';
import { DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors';
import { findForUpdate } from '../../common/locking';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { InvitationService } from '../invitation/invitation.service';
import { MembershipEntity } from '../person/membership.entity';
import { MembershipService } from '../person/membership.service';
import { PersonEntity } from '../person/person.entity';
import { identityPolicy } from '../person/person.policy';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { ImportFileError, parseImport, type ParsedRow } from './member-import.csv';

/** What the import does (or, in a dry run, would do) with one row. */
export enum ImportAction {
  /** A new member: their membership is added and they are invited by email. */
  CREATE = 'CREATE',
  /**
   * Already a member: the details the row gives replace theirs, empty cells keep theirs, its roles
   * are added to theirs (never taken away), and no invitation is sent.
   */
  UPDATE = 'UPDATE',
}

export interface ImportedRow extends ParsedRow {
  action: ImportAction;
}

export interface ImportOutcome {
  rows: ImportedRow[];
  /** Whether anything was written: only a real run of a file with no problems writes, all of it at once. */
  imported: boolean;
}

interface ExistingMember {
  membership: MembershipEntity;
  email: string;
}

/**
 * Bulk onboarding from an HR export. A dry run reports every row's outcome and problems; a real run
 * writes all rows in one transaction or nothing, and invites new members through the invitation
 * service, exactly as a manager's single invitation does.
 */
export class MemberImportService {
  constructor(private readonly ctx: Context) {}

  async run(organisationId: string, csv: string, dryRun: boolean): Promise<ImportOutcome> {
    const viewer = this.ctx.viewer as Viewer;
    if (!identityPolicy.canSeeMembersOf(viewer, organisationId)) throw notFound('That organisation');
    if (!identityPolicy.canManageMembersOf(viewer, organisationId)) throw forbidden("Only the organisation's programme managers import people.");
    let parsed: ParsedRow[];
    try {
      parsed = parseImport(csv);
    } catch (error) {
      if (error instanceof ImportFileError) throw new DomainError(UserErrorCode.INVALID_INPUT, error.message, ['input', 'csv']);
      throw error;
    }
    return this.ctx.db.transaction(async (tx) => {
      // Locked: two imports into one organisation run one after the other, each checking what the other wrote.
      if (!(await findForUpdate(tx, OrganisationEntity, organisationId))) throw notFound('That organisation');
      const existing = await this.membersByEmail(tx, organisationId);
      const rows = checkAgainstOrganisation(parsed, existing);
      if (dryRun || rows.some((row) => row.problems.length > 0)) return { rows, imported: false };
      await this.write(tx, organisationId, rows, existing);
      return { rows, imported: true };
    });
  }

  private async membersByEmail(tx: EntityManager, organisationId: string): Promise<Map<string, ExistingMember>> {
    const memberships = await tx
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.person', 'p')
      .where('m.organisation_id = :organisationId', { organisationId })
      .getMany();
    return new Map(memberships.map((membership) => [membership.person!.email, { membership, email: membership.person!.email }]));
  }

  private async write(tx: EntityManager, organisationId: string, rows: ImportedRow[], existing: Map<string, ExistingMember>): Promise<void> {
    const memberships = new MembershipService(this.ctx);
    const invitations = new InvitationService(this.ctx);
    const actor = { actorId: (this.ctx.viewer as Viewer).personId, via: null };
    const membershipIdByEmail = new Map([...existing].map(([email, member]) => [email, member.membership.id]));

    const newcomers = rows.filter((row) => row.action === ImportAction.CREATE);
    const people = tx.getRepository(PersonEntity);
    const known = newcomers.length ? await people.createQueryBuilder('p').where('p.email IN (:...emails)', { emails: newcomers.map((r) => r.email) }).getMany() : [];
    const personByEmail = new Map(known.map((p) => [p.email, p]));
    const unknown = newcomers.filter((row) => !personByEmail.has(row.email));
    if (unknown.length) {
      await people.insert(unknown.map((row) => ({ email: row.email, displayName: row.name })));
      const inserted = await people.createQueryBuilder('p').where('p.email IN (:...emails)', { emails: unknown.map((r) => r.email) }).getMany();
      for (const person of inserted) personByEmail.set(person.email, person);
    }

    for (const row of rows.filter((r) => r.action === ImportAction.UPDATE)) {
      await memberships.applyImported(tx, existing.get(row.email)!.membership, { roles: row.roles, jobTitle: row.jobTitle, division: row.division, grade: row.grade });
    }
    const added = await memberships.provisionMany(
      tx,
      organisationId,
      newcomers.map((row) => ({
        person: personByEmail.get(row.email)!,
        member: { roles: row.roles, jobTitle: row.jobTitle, division: row.division, grade: row.grade, externalId: null, active: true },
      })),
      actor,
    );
    added.forEach((membership, i) => membershipIdByEmail.set(newcomers[i].email, membership.id));
    // Invited exactly as a manager's single invitation is: the same service, the same emails.
    await invitations.issueMany(
      tx,
      organisationId,
      newcomers.map((row) => ({ email: row.email, displayName: row.name, roles: row.roles, jobTitle: row.jobTitle, division: row.division })),
    );

    const links = rows
      .filter((row) => row.lineManagerEmail)
      .map((row) => ({ membershipId: membershipIdByEmail.get(row.email)!, lineManagerId: membershipIdByEmail.get(row.lineManagerEmail!)! }));
    await memberships.setLineManagers(tx, organisationId, links);
  }
}

/**
 * The problems that depend on the file as a whole and on the organisation: the same address twice,
 * a line manager who is neither in the file nor a member, and line management that would go round
 * in a circle once the file is applied.
 */
export function checkAgainstOrganisation(parsed: ParsedRow[], existing: Map<string, ExistingMember>): ImportedRow[] {
  const linesByEmail = new Map<string, number[]>();
  for (const row of parsed) if (row.email) linesByEmail.set(row.email, [...(linesByEmail.get(row.email) ?? []), row.line]);

  // Who reports to whom once the file is applied, by email.
  const emailOfMembership = new Map([...existing.values()].map((m) => [m.membership.id, m.email]));
  const managerOf = new Map<string, string>();
  for (const member of existing.values()) {
    const manager = member.membership.lineManagerId && emailOfMembership.get(member.membership.lineManagerId);
    if (manager) managerOf.set(member.email, manager);
  }
  for (const row of parsed) if (row.lineManagerEmail && row.email) managerOf.set(row.email, row.lineManagerEmail);

  return parsed.map((row) => {
    const problems = [...row.problems];
    const lines = linesByEmail.get(row.email) ?? [];
    if (lines.length > 1) problems.push({ field: 'email', message: `${row.email} appears more than once, on lines ${lines.join(', ')}: keep one row per person.` });
    if (row.lineManagerEmail && row.lineManagerEmail !== row.email && !linesByEmail.has(row.lineManagerEmail) && !existing.has(row.lineManagerEmail)) {
      problems.push({ field: 'lineManagerEmail', message: `No one with ${row.lineManagerEmail} is in the file or already a member: add their row, or leave the line manager empty.` });
    }
    if (row.lineManagerEmail && row.lineManagerEmail !== row.email) {
      const chain = [row.email];
      for (let next = managerOf.get(row.email); next && chain.length <= managerOf.size + 1; next = managerOf.get(next)) {
        chain.push(next);
        if (next === row.email) {
          problems.push({ field: 'lineManagerEmail', message: `Line management would go round in a circle: ${chain.join(' → ')}.` });
          break;
        }
        if (chain.indexOf(next) !== chain.length - 1) break; // a circle above this person, reported on its own rows
      }
    }
    return { ...row, problems, action: existing.has(row.email) ? ImportAction.UPDATE : ImportAction.CREATE };
  });
}
