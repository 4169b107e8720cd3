import type { EntityManager } from 'typeorm';
import { type AffectedGroup, Attribution, type BarrierCategory, BarrierEntity, BarrierStatus } from '../barrier/barrier.entity';
import { ChangeEntity, ChangeStatus, type SuccessMeasure } from '../change/change.entity';
import { EventEntity, EventKind } from '../history/event.entity';

export interface AdaptedRecords {
  organisationId: string;
  pairId: string;
  actorId: string;
  ownerId: string;
  caseId: string;
  barrier: { title: string; description: string; category: BarrierCategory; affectedGroups: AffectedGroup[] };
  change: { title: string; whatChanges: string; expectedImpact: string; targetDate: string; successMeasures: SuccessMeasure[] };
}

/**
 * Writes the barrier and the DRAFT change that adapting a case creates, each with its history
 * event, inside the caller's transaction; the caller has authorised the viewer.
 *
 * TODO(merge): once BarrierService.createInTransaction and ChangeService.createInTransaction are on
 * main, call them here instead of writing the rows, so their rules and events stay in one place.
 */
export async function createAdaptedRecords(tx: EntityManager, data: AdaptedRecords): Promise<{ barrier: BarrierEntity; change: ChangeEntity }> {
  const detail = { adaptedFromCaseId: data.caseId };
  const barrier = await tx.getRepository(BarrierEntity).save(
    tx.getRepository(BarrierEntity).create({
      organisationId: data.organisationId,
      pairId: data.pairId,
      raisedById: data.actorId,
      ...data.barrier,
      evidence: [],
      attribution: Attribution.NAMED,
      status: BarrierStatus.OPEN,
    }),
  );
  const change = await tx.getRepository(ChangeEntity).save(
    tx.getRepository(ChangeEntity).create({
      organisationId: data.organisationId,
      barrierId: barrier.id,
      pairId: data.pairId,
      proposedById: data.actorId,
      ownerId: data.ownerId,
      ...data.change,
      status: ChangeStatus.DRAFT,
      progress: 0,
    }),
  );
  await tx.getRepository(EventEntity).insert([
    { organisationId: data.organisationId, kind: EventKind.BARRIER_RAISED, barrierId: barrier.id, actorId: data.actorId, toStatus: BarrierStatus.OPEN, detail },
    {
      organisationId: data.organisationId,
      kind: EventKind.CHANGE_PROPOSED,
      barrierId: barrier.id,
      changeId: change.id,
      actorId: data.actorId,
      toStatus: ChangeStatus.DRAFT,
      detail,
    },
  ]);
  return { barrier, change };
}
