import { In, type EntityManager } from 'typeorm';
import { mailNotifications } from '../mail/notification-mail';
import { paginate, type ConnectionArgs } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import type { Facts } from '../history/event.entity';
import { NotificationEntity, type NotificationKind } from './notification.entity';
import { Notification } from './notification.type';

export interface NewNotification {
  organisationId: string;
  kind: NotificationKind;
  actorId: string;
  barrierId?: string | null;
  changeId?: string | null;
  commentId?: string | null;
  sharedCaseId?: string | null;
  pairId?: string | null;
  detail?: Facts;
}

/**
 * Notifies each recipient once, never the person who acted, inside the caller's transaction.
 * `mail: false` when the caller sends its own email for the event (a calendar invitation, say).
 */
export async function notify(tx: EntityManager, recipientIds: string[], notification: NewNotification, options: { mail?: boolean } = {}): Promise<void> {
  const recipients = [...new Set(recipientIds)].filter((id) => id !== notification.actorId);
  if (recipients.length === 0) return;
  const inserted = await tx.getRepository(NotificationEntity).insert(
    recipients.map((recipientId) => ({
      recipientId,
      organisationId: notification.organisationId,
      kind: notification.kind,
      actorId: notification.actorId,
      barrierId: notification.barrierId ?? null,
      changeId: notification.changeId ?? null,
      commentId: notification.commentId ?? null,
      sharedCaseId: notification.sharedCaseId ?? null,
      pairId: notification.pairId ?? null,
      detail: notification.detail ?? {},
    })),
  );
  // Every kind, including kinds added later, is also mailed by each recipient's choice.
  if (options.mail === false) return;
  const ids = inserted.identifiers.map((row) => row.id as string);
  await mailNotifications(tx, await tx.getRepository(NotificationEntity).findBy({ id: In(ids) }));
}

export class NotificationService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  /**
   * The viewer's notifications from organisations they still belong to: someone removed from an
   * organisation no longer reads what happened in it, notifications included.
   */
  private mine() {
    return this.ctx.db
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.recipient_id = :me', { me: this.viewer.personId })
      .andWhere('n.organisation_id = ANY(CAST(:organisations AS uuid[]))', { organisations: this.viewer.organisationIds });
  }

  list(args: ConnectionArgs, unreadOnly: boolean) {
    const query = this.mine();
    if (unreadOnly) query.andWhere('n.read_at IS NULL');
    return paginate(
      query,
      { name: 'newest', direction: 'DESC', keys: [{ sql: 'n.created_at', value: (n) => n.createdAt }, { sql: 'n.id', value: (n) => n.id }] },
      args,
      Notification.from,
    );
  }

  unreadCount(): Promise<number> {
    return this.mine().andWhere('n.read_at IS NULL').getCount();
  }

  /** Marks the viewer's own notifications read: the given ones, or all. Others' ids are ignored. */
  async markRead(ids: string[] | null, all: boolean): Promise<number> {
    const unread = this.mine().andWhere('n.read_at IS NULL');
    if (!all) unread.andWhere('n.id = ANY(CAST(:ids AS uuid[]))', { ids: ids ?? [] });
    const result = await this.ctx.db
      .getRepository(NotificationEntity)
      .createQueryBuilder()
      .update()
      .set({ readAt: new Date() })
      .where(`id IN (${unread.select('n.id').getQuery()})`, unread.getParameters())
      .execute();
    return result.affected ?? 0;
  }
}
