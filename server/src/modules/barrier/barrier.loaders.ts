import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { byId, manyBy } from '../../common/loader-utils';
import { PairEntity } from '../pair/pair.entity';
import { BarrierCorroborationEntity, BarrierEntity } from './barrier.entity';

export function createBarrierLoaders(db: DataSource) {
  return {
    barrier: byId(db, BarrierEntity),
    corroborations: manyBy(db, BarrierCorroborationEntity, 'barrierId', { createdAt: 'ASC' }),
    /** Pairs a person belongs to (as senior or junior), for viewerCan… checks. */
    pairsOfPerson: new DataLoader<string, PairEntity[]>(async (personIds) => {
      const pairs = await db.getRepository(PairEntity).find({
        where: [{ seniorId: In([...personIds]) }, { juniorId: In([...personIds]) }],
      });
      return personIds.map((id) => pairs.filter((p) => p.seniorId === id || p.juniorId === id));
    }),
    /** Distinct divisions of the pairs that corroborated each barrier. */
    corroboratingDivisions: new DataLoader<string, string[]>(async (barrierIds) => {
      const rows: { barrier_id: string; divisions: string[] }[] = await db.query(
        `SELECT barrier_id, array_agg(DISTINCT d ORDER BY d) AS divisions
           FROM barrier_corroboration, unnest(divisions) AS d
          WHERE barrier_id = ANY($1)
          GROUP BY barrier_id`,
        [[...barrierIds]],
      );
      const byBarrier = new Map(rows.map((r) => [r.barrier_id, r.divisions]));
      return barrierIds.map((id) => byBarrier.get(id) ?? []);
    }),
  };
}
