import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { byId } from '../../common/loader-utils';
import { NotificationEntity, NotificationKind } from '../notification/notification.entity';
import { ProgrammeEntity } from '../programme/programme.entity';
import { ContractVersionEntity, MentoringSessionEntity, PairEntity } from './pair.entity';

/** The newest contract version per pair, and the newest one both co-learners agreed. */
function contractLoader(db: DataSource, agreedOnly: boolean) {
  return new DataLoader<string, ContractVersionEntity | null>(async (pairIds) => {
    const query = db
      .getRepository(ContractVersionEntity)
      .createQueryBuilder('c')
      .distinctOn(['c.pair_id'])
      .where('c.pair_id IN (:...pairIds)', { pairIds: [...pairIds] })
      .orderBy('c.pair_id')
      .addOrderBy('c.version', 'DESC');
    if (agreedOnly) query.andWhere('c.senior_agreed_at IS NOT NULL AND c.junior_agreed_at IS NOT NULL');
    const rows = await query.getMany();
    const byPair = new Map(rows.map((row) => [row.pairId, row]));
    return pairIds.map((id) => byPair.get(id) ?? null);
  });
}

export function createPairLoaders(db: DataSource) {
  return {
    programme: byId(db, ProgrammeEntity),
    pair: byId(db, PairEntity),
    latestContract: contractLoader(db, false),
    contractInEffect: contractLoader(db, true),
    lastSessionOn: new DataLoader<string, string | null>(async (pairIds) => {
      const rows: { pair_id: string; last: string }[] = await db
        .getRepository(MentoringSessionEntity)
        .createQueryBuilder('s')
        .select('s.pair_id', 'pair_id')
        .addSelect('max(s.held_on)::text', 'last')
        .where({ pairId: In([...pairIds]) })
        .groupBy('s.pair_id')
        .getRawMany();
      const byPair = new Map(rows.map((r) => [r.pair_id, r.last]));
      return pairIds.map((id) => byPair.get(id) ?? null);
    }),
    lastNudgedAt: new DataLoader<string, Date | null>(async (pairIds) => {
      const rows: { pair_id: string; last: Date }[] = await db
        .getRepository(NotificationEntity)
        .createQueryBuilder('n')
        .select('n.pair_id', 'pair_id')
        .addSelect('max(n.created_at)', 'last')
        .where({ pairId: In([...pairIds]), kind: NotificationKind.PAIR_NUDGED })
        .groupBy('n.pair_id')
        .getRawMany();
      const byPair = new Map(rows.map((r) => [r.pair_id, r.last]));
      return pairIds.map((id) => byPair.get(id) ?? null);
    }),
  };
}
