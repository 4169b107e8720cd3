import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { aggregateBy, byId } from '../../common/loader-utils';
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
    lastSessionOn: aggregateBy<MentoringSessionEntity, string>(db, MentoringSessionEntity, 'pairId', 'max(row.held_on)::text'),
    lastNudgedAt: aggregateBy<NotificationEntity, Date>(db, NotificationEntity, 'pairId', 'max(row.created_at)', { kind: NotificationKind.PAIR_NUDGED }),
  };
}
