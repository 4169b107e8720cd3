import { In, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors';
import { findForUpdate } from '../../common/locking';
import type { Context } from '../../context';
import { normaliseEmail, AuthService } from '../auth/auth.service';
import { hashPassword, hashToken, newToken } from '../auth/tokens';
import type { Viewer } from '../auth/viewer';
import { MembershipEntity, type Role } from '../person/membership.entity';
import { PersonEntity, personWithSecrets } from '../person/person.entity';
import { identityPolicy } from '../person/person.policy';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { MembershipAuditKind, MembershipAuditVia } from '../membership-audit/membership-audit.entity';
import { recordMembershipAudit, recordMembershipAudits } from '../membership-audit/membership-audit.service';
import { mailInvitations } from '../mail/invitation-mail';
import { InvitationEntity } from './invitation.entity';

export interface InvitationRequest {
  email: string;
  displayName: string;
  roles: Role[];
  jobTitle?: string | null;
  division?: string | null;
}

export interface IssuedInvitation {
  invitation: InvitationEntity;
  /** The link the invitee opens to set a password; it holds the only copy of the token. */
  acceptUrl: string;
}

export class InvitationService {
  constructor(private readonly ctx: Context) {}

  async invite(organisationId: string, request: InvitationRequest): Promise<IssuedInvitation> {
    const viewer = this.ctx.viewer as Viewer;
    if (!identityPolicy.canInviteTo(viewer, organisationId)) {
      throw forbidden('Only a programme manager of this organisation can invite people.');
    }
    if (!identityPolicy.canGrant(viewer, organisationId, request.roles, request.email)) {
      throw forbidden('A platform admin invites programme managers other than themselves; they invite everyone else.');
    }
    return this.ctx.db.transaction(async (tx) => {
      if (!(await tx.getRepository(OrganisationEntity).existsBy({ id: organisationId }))) throw notFound('That organisation');
      const email = normaliseEmail(request.email);
      // A member added by an import who has never taken up their invitation (it may have expired)
      // can be invited again; anyone else who is a member already cannot.
      const alreadyMember = await tx
        .getRepository(MembershipEntity)
        .createQueryBuilder('m')
        .innerJoin(PersonEntity, 'p', 'p.id = m.person_id')
        .where('m.organisation_id = :organisationId AND p.email = :email', { organisationId, email })
        .andWhere(
          `NOT (p.password_hash IS NULL AND EXISTS (SELECT 1 FROM invitation i WHERE i.organisation_id = m.organisation_id AND i.email = p.email)
                AND NOT EXISTS (SELECT 1 FROM invitation i WHERE i.organisation_id = m.organisation_id AND i.email = p.email AND i.accepted_at IS NOT NULL))`,
        )
        .getExists();
      if (alreadyMember) {
        throw new DomainError(UserErrorCode.ALREADY_EXISTS, `${email} is already a member of this organisation.`, ['input', 'email']);
      }
      return this.issue(tx, organisationId, request);
    });
  }

  /** Writes an invitation inside the caller's transaction; an earlier pending one for the same person lapses. */
  async issue(tx: EntityManager, organisationId: string, request: InvitationRequest): Promise<IssuedInvitation> {
    return (await this.issueMany(tx, organisationId, [request]))[0];
  }

  /**
   * Writes invitations to one organisation inside the caller's transaction, a few statements for
   * any number of them (a bulk import): earlier pending ones for the same people lapse, each is
   * recorded in the membership history and gets its email.
   */
  async issueMany(tx: EntityManager, organisationId: string, requests: InvitationRequest[]): Promise<IssuedInvitation[]> {
    if (requests.length === 0) return [];
    const emails = requests.map((request) => normaliseEmail(request.email));
    const invitations = tx.getRepository(InvitationEntity);
    await invitations.update({ organisationId, email: In(emails), acceptedAt: IsNull(), expiresAt: MoreThan(new Date()) }, { expiresAt: new Date() });
    const expiresAt = new Date(Date.now() + this.ctx.config.invitationDays * 86_400_000);
    const tokens = requests.map(() => newToken());
    const created = requests.map((request, i) =>
      invitations.create({
        organisationId,
        email: emails[i],
        displayName: request.displayName.trim(),
        roles: [...new Set(request.roles)],
        jobTitle: request.jobTitle ?? null,
        division: request.division ?? null,
        tokenHash: tokens[i].hash,
        invitedById: this.ctx.viewer?.personId ?? null,
        expiresAt,
      }),
    );
    const saved = await invitations.save(created, { chunk: 500 });
    if (this.ctx.viewer) {
      await recordMembershipAudits(
        tx,
        saved.map((invitation) => ({ organisationId, kind: MembershipAuditKind.INVITED, actorId: this.ctx.viewer!.personId, subject: invitation, rolesAfter: invitation.roles })),
      );
    }
    const issued = saved.map((invitation, i) => ({ invitation, acceptUrl: `${this.ctx.config.publicUrl}/accept-invitation?token=${tokens[i].token}` }));
    await mailInvitations(tx, issued, this.ctx.viewer?.personId ?? null);
    return issued;
  }

  /** What an invitation offers, for the acceptance page; null for an unknown token. */
  async preview(token: string): Promise<{ invitation: InvitationEntity; hasAccount: boolean } | null> {
    const invitation = await this.ctx.db.getRepository(InvitationEntity).findOne({
      where: { tokenHash: hashToken(token) },
      relations: { organisation: true },
    });
    if (!invitation) return null;
    const person = await personWithSecrets(this.ctx.db, { email: invitation.email });
    return { invitation, hasAccount: Boolean(person?.passwordHash) };
  }

  /**
   * Accepts an invitation once: sets the new person's password (or checks an existing account's),
   * adds the membership and signs them in. The invitation row is locked, so two concurrent
   * acceptances cannot both succeed.
   */
  async accept(token: string, password: string, displayName?: string | null) {
    const person = await this.ctx.db.transaction(async (tx) => {
      const found = await tx.getRepository(InvitationEntity).findOneBy({ tokenHash: hashToken(token) });
      const invitation = found && (await findForUpdate(tx, InvitationEntity, found.id));
      if (!invitation) throw new DomainError(UserErrorCode.NOT_FOUND, 'This invitation link is not valid.', ['input', 'token']);
      if (invitation.acceptedAt) throw new DomainError(UserErrorCode.ALREADY_USED, 'This invitation has already been used. Sign in instead.', ['input', 'token']);
      if (invitation.revokedAt) {
        throw new DomainError(UserErrorCode.REVOKED, 'This invitation was withdrawn. Ask your programme manager if you should have one.', ['input', 'token']);
      }
      if (invitation.expiresAt <= new Date()) {
        throw new DomainError(UserErrorCode.EXPIRED, 'This invitation has expired. Ask your programme manager for a new one.', ['input', 'token']);
      }

      const people = tx.getRepository(PersonEntity);
      let person = await personWithSecrets(tx, { email: invitation.email });
      if (person?.passwordHash) {
        if (!(await new AuthService(this.ctx).checkPassword(person.email, person.passwordHash, password))) {
          throw new DomainError(UserErrorCode.INVALID_CREDENTIALS, 'You already have an account: enter its password to accept.', ['input', 'password']);
        }
      } else {
        person = await people.save({
          ...(person ?? people.create({ email: invitation.email })),
          displayName: displayName?.trim() || person?.displayName || invitation.displayName,
          passwordHash: await hashPassword(password),
        });
      }

      await this.join(tx, invitation, person, null);
      return person;
    });
    return new AuthService(this.ctx).startSession(person);
  }

  /**
   * Someone whose address their organisation's identity provider has verified takes up the pending
   * invitation to that organisation, if there is one (no token needed: the provider vouches for
   * them). Returns whether there was one.
   */
  async acceptForVerifiedPerson(tx: EntityManager, organisationId: string, person: PersonEntity): Promise<boolean> {
    const pending = await tx.getRepository(InvitationEntity).findOne({
      where: { organisationId, email: person.email, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC' },
    });
    const invitation = pending && (await findForUpdate(tx, InvitationEntity, pending.id));
    if (!invitation || invitation.acceptedAt || invitation.revokedAt) return false;
    await this.join(tx, invitation, person, MembershipAuditVia.SINGLE_SIGN_ON);
    return true;
  }

  /** Adds the invitation's membership (or its roles to an existing one), records it and uses the invitation up. */
  private async join(tx: EntityManager, invitation: InvitationEntity, person: PersonEntity, via: MembershipAuditVia | null): Promise<void> {
    const memberships = tx.getRepository(MembershipEntity);
    // Locked: a manager changing this person's roles at the same moment must not be overwritten.
    const existing = await memberships
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.person_id = :personId AND m.organisation_id = :organisationId', { personId: person.id, organisationId: invitation.organisationId })
      .getOne();
    const joined = await memberships.save({
      ...(existing ?? memberships.create({ personId: person.id, organisationId: invitation.organisationId })),
      roles: [...new Set([...(existing?.roles ?? []), ...invitation.roles])],
      jobTitle: invitation.jobTitle ?? existing?.jobTitle ?? null,
      division: invitation.division ?? existing?.division ?? null,
    });
    await recordMembershipAudit(tx, {
      organisationId: invitation.organisationId,
      kind: MembershipAuditKind.JOINED,
      via,
      actorId: person.id,
      subject: person,
      rolesBefore: existing?.roles ?? null,
      rolesAfter: joined.roles,
    });
    await tx.getRepository(InvitationEntity).update(invitation.id, { acceptedAt: new Date() });
  }

  /** Withdraws an invitation nobody has accepted yet: its link stops working at once. */
  async revoke(invitationId: string): Promise<InvitationEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const invitation = await findForUpdate(tx, InvitationEntity, invitationId);
      const viewer = this.ctx.viewer as Viewer;
      if (!invitation || !identityPolicy.canWithdraw(viewer, invitation)) throw notFound('That invitation');
      if (invitation.acceptedAt) {
        throw new DomainError(UserErrorCode.ALREADY_USED, `${invitation.displayName} has already joined: change their roles or remove them on the Members page.`);
      }
      if (invitation.revokedAt) return invitation;
      invitation.revokedAt = new Date();
      await recordMembershipAudit(tx, {
        organisationId: invitation.organisationId,
        kind: MembershipAuditKind.INVITATION_WITHDRAWN,
        actorId: viewer.personId,
        subject: invitation,
        rolesBefore: invitation.roles,
      });
      return tx.getRepository(InvitationEntity).save(invitation);
    });
  }

  async pendingFor(organisationId: string): Promise<InvitationEntity[]> {
    if (!identityPolicy.canInviteTo(this.ctx.viewer as Viewer, organisationId)) return [];
    return this.ctx.db.getRepository(InvitationEntity).find({
      where: { organisationId, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC' },
      take: 100,
    });
  }
}
