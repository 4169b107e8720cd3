import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entityFromJson, rowAsJson } from '../../common/loader-utils';
import type { createBarrierLoaders } from '../barrier/barrier.loaders';
import { BarrierEntity } from '../barrier/barrier.entity';
import type { createCommentLoaders } from '../comment/comment.loaders';
import type { createPairLoaders } from '../pair/pair.loaders';
import { PairEntity } from '../pair/pair.entity';
import type { createIdentityLoaders } from '../person/person.loaders';
import { PersonEntity } from '../person/person.entity';
import type { createChangeLoaders } from './change.loaders';
import { DecisionEntity } from './change.entity';

interface PrimedLoaders {
  identity: ReturnType<typeof createIdentityLoaders>;
  pair: ReturnType<typeof createPairLoaders>;
  barrier: ReturnType<typeof createBarrierLoaders>;
  change: ReturnType<typeof createChangeLoaders>;
  comment: ReturnType<typeof createCommentLoaders>;
}

/**
 * Everything a list of changes shows around each change, in one statement for the whole page:
 * its barrier, the pair that raised that barrier, its own pair, its owner, its latest decision and
 * its comment count. Field resolvers wait for it, then read their usual loaders, which it has
 * primed; before it, the same page cost six look-ups, three of them one after another because
 * the anonymity check needs the barrier before the raising pair.
 *
 * Why this is as strict as the look-ups it replaces: it only loads rows. Every field resolver
 * still answers from the same entities through the same policy code (barrier.masking's
 * hidesIdentity, changePolicy), so what a viewer may see is decided exactly as before; the rows
 * it primes are the rows the per-entity loaders would have fetched (all their selected columns,
 * built by the entity's own metadata). A change the viewer may not see never reaches a field
 * resolver, since the page and node() queries check the organisation before.
 */
export function changeRelationsLoader(db: DataSource, loaders: PrimedLoaders) {
  const sql = `
    SELECT c.id AS change_id,
           ${rowAsJson(db, BarrierEntity, 'b')} AS barrier,
           CASE WHEN rp.id IS NULL THEN NULL ELSE ${rowAsJson(db, PairEntity, 'rp')} END AS raising_pair,
           ${rowAsJson(db, PairEntity, 'p')} AS pair,
           ${rowAsJson(db, PersonEntity, 'o')} AS owner,
           (SELECT ${rowAsJson(db, DecisionEntity, 'd')} FROM decision d WHERE d.change_id = c.id ORDER BY d.created_at DESC LIMIT 1) AS latest_decision,
           (SELECT count(*) FROM comment k WHERE k.change_id = c.id)::int AS comment_count
    FROM change_proposal c
    JOIN barrier b ON b.id = c.barrier_id
    JOIN pair p ON p.id = c.pair_id
    JOIN person o ON o.id = c.owner_id
    LEFT JOIN pair rp ON rp.id = b.pair_id
    WHERE c.id = ANY($1::uuid[])`;
  return new DataLoader<string, true>(async (changeIds) => {
    const rows: Row[] = await db.query(sql, [changeIds]);
    for (const row of rows) {
      const barrier = entityFromJson(db, BarrierEntity, row.barrier);
      loaders.barrier.barrier.prime(barrier.id, barrier);
      for (const json of [row.pair, row.raising_pair]) {
        if (!json) continue;
        const pair = entityFromJson(db, PairEntity, json);
        loaders.pair.pair.prime(pair.id, pair);
      }
      const owner = entityFromJson(db, PersonEntity, row.owner);
      loaders.identity.person.prime(owner.id, owner);
      loaders.change.latestDecision.prime(row.change_id, row.latest_decision ? entityFromJson(db, DecisionEntity, row.latest_decision) : null);
      loaders.comment.countByChange.prime(row.change_id, row.comment_count);
    }
    return changeIds.map(() => true as const);
  });
}

type Json = Record<string, unknown>;
interface Row {
  change_id: string;
  barrier: Json;
  raising_pair: Json | null;
  pair: Json;
  owner: Json;
  latest_decision: Json | null;
  comment_count: number;
}
