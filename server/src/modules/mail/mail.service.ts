import { DomainError, forbidden, UserErrorCode } from '../../common/errors';
import { paginate, type ConnectionArgs } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { MailDelivery, MailMessageEntity, MailPreferenceEntity, MailStatus } from './mail.entity';
import { DIGEST, kindLabel, MailKind } from './mail.kinds';
import { DEFAULT_DELIVERY } from './mail.outbox';
import { mailPolicy } from './mail.policy';
import { MailMessage, MailPreference } from './mail.type';

function preference(kind: MailKind, delivery: MailDelivery): MailPreference {
  return Object.assign(new MailPreference(), { kind, label: kindLabel(kind), delivery, options: mailPolicy.deliveriesFor(kind) });
}

export class MailService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  /** The viewer's choice for every kind, defaults filled in. */
  async preferences(): Promise<MailPreference[]> {
    const chosen = await this.ctx.db.getRepository(MailPreferenceEntity).findBy({ personId: this.viewer.personId });
    const byKind = new Map(chosen.map((p) => [p.kind, p.delivery]));
    return Object.values(MailKind).map((kind) => preference(kind, byKind.get(kind) ?? DEFAULT_DELIVERY));
  }

  async setPreference(kind: MailKind, delivery: MailDelivery): Promise<MailPreference> {
    if (!mailPolicy.deliveriesFor(kind).includes(delivery)) {
      throw new DomainError(UserErrorCode.INVALID_INPUT, 'Reminders come at once or not at all; a daily summary would make them late.', ['input', 'delivery']);
    }
    await this.ctx.db.getRepository(MailPreferenceEntity).upsert({ personId: this.viewer.personId, kind, delivery }, ['personId', 'kind']);
    return preference(kind, delivery);
  }

  /** The outbox and delivery log, newest first; the platform admin's alone. */
  outbox(args: ConnectionArgs, status: MailStatus | null | undefined) {
    if (!mailPolicy.canReadOutbox(this.viewer)) throw forbidden('Only a platform admin reads the outbox.');
    const query = this.ctx.db.getRepository(MailMessageEntity).createQueryBuilder('m');
    if (status) query.where('m.status = :status', { status });
    return paginate(
      query,
      { name: 'newest', direction: 'DESC', keys: [{ sql: 'm.created_at', value: (m) => m.createdAt }, { sql: 'm.id', value: (m) => m.id }] },
      args,
      MailMessage.from,
    );
  }

  /** Sends a FAILED message again: back to PENDING, with its attempts kept for the record. */
  async retry(id: string): Promise<MailMessage> {
    if (!mailPolicy.canReadOutbox(this.viewer)) throw forbidden('Only a platform admin sends failed email again.');
    const result = await this.ctx.db.getRepository(MailMessageEntity).update({ id, status: MailStatus.FAILED }, { status: MailStatus.PENDING });
    if (!result.affected) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'Only a message whose delivery failed can be sent again.', ['input', 'id']);
    return MailMessage.from(await this.ctx.db.getRepository(MailMessageEntity).findOneByOrFail({ id }));
  }
}

/**
 * One-click unsubscribe (no sign-in: the signed token is the authority): turns the kind off, or
 * for the daily summary every kind the person gets that way. Returns what was turned off.
 */
export async function unsubscribe(ctx: Pick<Context, 'db'>, personId: string, kind: string): Promise<string> {
  const preferences = ctx.db.getRepository(MailPreferenceEntity);
  if (kind === DIGEST) {
    await preferences.update({ personId, delivery: MailDelivery.DAILY_DIGEST }, { delivery: MailDelivery.OFF });
    return 'the daily summary';
  }
  await preferences.upsert({ personId, kind, delivery: MailDelivery.OFF }, ['personId', 'kind']);
  return `“${kindLabel(kind)}”`;
}
