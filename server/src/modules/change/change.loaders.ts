import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { byId, manyBy } from '../../common/loader-utils';
import { ChangeEntity, DecisionEntity } from './change.entity';

export function createChangeLoaders(db: DataSource) {
  return {
    change: byId(db, ChangeEntity),
    changesByBarrier: manyBy(db, ChangeEntity, 'barrierId', { createdAt: 'ASC' }),
    changesByPair: manyBy(db, ChangeEntity, 'pairId', { createdAt: 'ASC' }),
    decisions: manyBy(db, DecisionEntity, 'changeId', { createdAt: 'ASC' }),
    latestDecision: new DataLoader<string, DecisionEntity | null>(async (changeIds) => {
      const rows = await db
        .getRepository(DecisionEntity)
        .createQueryBuilder('d')
        .distinctOn(['d.change_id'])
        .where({ changeId: In([...changeIds]) })
        .orderBy('d.change_id')
        .addOrderBy('d.created_at', 'DESC')
        .addOrderBy('d.id', 'DESC') // two decisions in the same millisecond: the same one the board reads
        .getMany();
      const byChange = new Map(rows.map((d) => [d.changeId, d]));
      return changeIds.map((id) => byChange.get(id) ?? null);
    }),
  };
}
