import type { DataSource } from 'typeorm';
import { newToken } from '../auth/tokens';
import { MembershipAuditKind } from '../membership-audit/membership-audit.entity';
import { recordMembershipAudit } from '../membership-audit/membership-audit.service';
import { InvitationEntity } from '../invitation/invitation.entity';
import { NotificationEntity } from '../notification/notification.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PersonEntity } from '../person/person.entity';
import { Role } from '../person/membership.entity';
import { runReminderSweep } from '../reminders/reminders.service';
import { mailInvitation } from './invitation-mail';
import { mailNotifications } from './notification-mail';

/**
 * The demo's outbox: what the demo story would have sent. The story writes its notifications
 * directly (back-dated), so each is mailed here through the same hook `notify` uses; Pat has
 * invited one more colleague; and one reminder sweep runs now. With no SMTP_URL the job runner
 * keeps them all in the outbox, where the platform admin reads them.
 */
export async function seedDemoMail(db: DataSource): Promise<void> {
  await db.transaction(async (tx) => {
    const notifications = await tx.getRepository(NotificationEntity).find({ order: { createdAt: 'ASC' } });
    for (const notification of notifications) await mailNotifications(tx, [notification]);

    const northshore = await tx.getRepository(OrganisationEntity).findOneByOrFail({ slug: 'northshore' });
    const pat = await tx.getRepository(PersonEntity).findOneByOrFail({ email: 'pat.manager@northshore.example' });
    const { token, hash } = newToken();
    const invitation = await tx.getRepository(InvitationEntity).save({
      organisationId: northshore.id,
      email: 'lee.new@northshore.example',
      displayName: 'Lee New',
      roles: [Role.CO_LEARNER],
      jobTitle: 'Healthcare Assistant',
      division: 'Surgery',
      tokenHash: hash,
      invitedById: pat.id,
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    });
    await recordMembershipAudit(tx, { organisationId: northshore.id, kind: MembershipAuditKind.INVITED, actorId: pat.id, subject: invitation, rolesAfter: invitation.roles });
    await mailInvitation(tx, invitation, `/accept-invitation?token=${token}`, pat.id);
  });
  await runReminderSweep(db, new Date());
}
