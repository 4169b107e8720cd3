import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Reads one row with `SELECT … FOR UPDATE` inside the caller's transaction, so concurrent
 * writers of the same record run one after the other and each sees the other's result.
 */
export function findForUpdate<T extends ObjectLiteral>(tx: EntityManager, entity: EntityTarget<T>, id: string): Promise<T | null> {
  return tx.getRepository(entity).createQueryBuilder('row').setLock('pessimistic_write').where('row.id = :id', { id }).getOne();
}
