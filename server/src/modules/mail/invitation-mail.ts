import type { EntityManager } from 'typeorm';
import type { InvitationEntity } from '../invitation/invitation.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PersonEntity } from '../person/person.entity';
import { INVITATION } from './mail.kinds';
import { queueMails } from './mail.outbox';

/**
 * The invitation email, written in the inviting transaction: one per invitation. The link holds
 * the token, so once an SMTP server has accepted the message the stored copy drops it (see
 * mail.delivery.ts); without SMTP the outbox is how the link reaches the person, so it stays.
 */
export async function mailInvitation(tx: EntityManager, invitation: InvitationEntity, acceptUrl: string, inviterId: string | null): Promise<void> {
  await mailInvitations(tx, [{ invitation, acceptUrl }], inviterId);
}

/** The invitation emails of several invitations to one organisation by one inviter (a bulk import), written together. */
export async function mailInvitations(tx: EntityManager, issued: { invitation: InvitationEntity; acceptUrl: string }[], inviterId: string | null): Promise<void> {
  if (issued.length === 0) return;
  const organisation = await tx.getRepository(OrganisationEntity).findOneByOrFail({ id: issued[0].invitation.organisationId });
  const inviter = inviterId ? await tx.getRepository(PersonEntity).findOneBy({ id: inviterId }) : null;
  await queueMails(
    tx,
    issued.map(({ invitation, acceptUrl }) => ({
      key: `${INVITATION}:${invitation.id}`,
      kind: INVITATION,
      recipientId: null,
      organisationId: invitation.organisationId,
      toAddress: invitation.email,
      content: {
        subject: `You are invited to join ${organisation.name} on Common Ground`,
        greeting: `Hello ${invitation.displayName},`,
        paragraphs: [
          `${inviter?.displayName ?? 'A programme manager'} invites you to join ${organisation.name} on Common Ground, where its reciprocal mentoring programme works.`,
          `Open the link to choose your password. It works once, until ${invitation.expiresAt.toISOString().slice(0, 10)}.`,
          'If you did not expect this, you can ignore this email.',
        ],
        action: { label: 'Accept your invitation', url: acceptUrl },
      },
    })),
  );
}
