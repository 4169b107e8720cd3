import type { Viewer } from '../auth/viewer';
import { MailDelivery } from './mail.entity';
import { ReminderKind } from './mail.kinds';

/** Who may do what with mail. */
export const mailPolicy = {
  /** The outbox holds every organisation's messages: the platform admin's alone. */
  canReadOutbox: (viewer: Viewer): boolean => viewer.isPlatformAdmin,
  /** Reminders are timely by nature: at once or off, never in a digest. */
  deliveriesFor: (kind: string): MailDelivery[] =>
    (Object.values(ReminderKind) as string[]).includes(kind) ? [MailDelivery.IMMEDIATE, MailDelivery.OFF] : [MailDelivery.IMMEDIATE, MailDelivery.DAILY_DIGEST, MailDelivery.OFF],
};
