import type { EntityManager } from 'typeorm';
import { EventEntity, type EventKind, type Facts } from './event.entity';

export interface NewEvent {
  organisationId: string;
  kind: EventKind;
  actorId: string;
  barrierId?: string | null;
  changeId?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  detail?: Facts;
}

/** Appends to the history inside the caller's transaction: the event commits with the change it records. */
export async function recordEvent(tx: EntityManager, event: NewEvent): Promise<void> {
  await tx.getRepository(EventEntity).insert({
    organisationId: event.organisationId,
    kind: event.kind,
    actorId: event.actorId,
    barrierId: event.barrierId ?? null,
    changeId: event.changeId ?? null,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    detail: event.detail ?? {},
  });
}
