import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { BOOLEAN_TEXT, builtOnce, FlatRow, type RowTexts } from '../../common/loader-utils';
import { queryPreparedTexts } from '../../db/prepared';
import type { Viewer } from '../auth/viewer';
import type { createBarrierLoaders } from '../barrier/barrier.loaders';
import { BarrierEntity } from '../barrier/barrier.entity';
import { barrierPolicy } from '../barrier/barrier.policy';
import type { createCommentLoaders } from '../comment/comment.loaders';
import type { createPairLoaders } from '../pair/pair.loaders';
import { PairEntity } from '../pair/pair.entity';
import type { createIdentityLoaders } from '../person/person.loaders';
import { PersonEntity } from '../person/person.entity';
import type { createChangeLoaders } from './change.loaders';
import { ChangeEntity, DecisionEntity } from './change.entity';
import { type PageReads, READ_ALL } from './change.selection';

interface PrimedLoaders {
  identity: ReturnType<typeof createIdentityLoaders>;
  pair: ReturnType<typeof createPairLoaders>;
  barrier: ReturnType<typeof createBarrierLoaders>;
  change: ReturnType<typeof createChangeLoaders>;
  comment: ReturnType<typeof createCommentLoaders>;
}

/** Everything a list of changes shows around each change. */
export interface ChangeRelations {
  barrier: BarrierEntity;
  /** The pair that raised the barrier: the one an anonymous barrier hides. */
  raisingPair: PairEntity | null;
  /** The pair that proposed the change. */
  pair: PairEntity;
  owner: PersonEntity;
  latestDecision: DecisionEntity | null;
  commentCount: number;
}

/**
 * Whether the viewer must not see `personId` as the author or actor of something on this change:
 * barrier.masking's hidesIdentity, answered from relations already read rather than by loading them.
 */
export function hidesPersonOn(viewer: Viewer, relations: ChangeRelations, personId: string): boolean {
  return relations.raisingPair ? barrierPolicy.hidesPerson(viewer, relations.barrier, relations.raisingPair, personId) : false;
}

/*
 * Everything around a change, read in the same statement as the change (`c`) itself: its
 * barrier, the pair that raised that barrier, its own pair, its owner, its latest decision and its
 * comment count. Before this, a page of changes cost a page query and six look-ups, three of them
 * one after another because the anonymity check needs the barrier before the raising pair.
 *
 * Why this is as strict as the look-ups it replaces: it only reads rows. Every field still answers
 * through the same policy code (barrierPolicy.hidesPerson, changePolicy), on the same entities,
 * built by the entity's own metadata from every column the policies read (a page leaves out only
 * what no field asked for shows: change.selection.ts); and it primes the per-entity loaders with
 * exactly the rows they would have fetched, and only with rows read in full. Which changes a
 * viewer may see is decided before, by the page's or node()'s organisation check.
 *
 * The entities' columns sit side by side in one flat row (FlatRow), each related row without the
 * key its join already gives (b.id is c.barrier_id, and so on), put back from the row it joined on.
 * Most changes are proposed by the pair that raised their barrier: then the raising pair is the
 * change's own pair, and its columns are not read twice (the join finds no `rp` row).
 */
const RELATION_JOINS = `
    JOIN barrier b ON b.id = c.barrier_id
    JOIN pair p ON p.id = c.pair_id
    JOIN person o ON o.id = c.owner_id
    LEFT JOIN pair rp ON rp.id = b.pair_id AND rp.id <> c.pair_id
    LEFT JOIN LATERAL (SELECT * FROM decision d WHERE d.change_id = c.id ORDER BY d.created_at DESC, d.id DESC LIMIT 1) d ON true`;

/** The select list of a change and everything around it, and how to read a row of it: built once per kind of read. */
function layoutFor(db: DataSource, reads: PageReads) {
  return builtOnce(db, `change.relations:${reads.change.name}:${reads.barrier.name}:${reads.pair.name}:${reads.raisingPair.name}:${reads.owner.name}`, () => {
    const row = new FlatRow();
    const change = row.entity(db, ChangeEntity, 'c', { leftOut: reads.change.leftOut });
    const barrier = row.entity(db, BarrierEntity, 'b', { known: ['id'], leftOut: reads.barrier.leftOut });
    const raisedByProposer = row.value('b.pair_id = c.pair_id', BOOLEAN_TEXT);
    const raisingPair = row.entity(db, PairEntity, 'rp', { leftOut: reads.raisingPair.leftOut, absentWhenNull: 'id' });
    const pair = row.entity(db, PairEntity, 'p', { known: ['id'], leftOut: reads.pair.leftOut });
    const owner = row.entity(db, PersonEntity, 'o', { known: ['id'], leftOut: reads.owner.leftOut });
    const latestDecision = row.entity(db, DecisionEntity, 'd', { known: ['changeId'], absentWhenNull: 'id' });
    const commentCount = row.value('(SELECT count(*) FROM comment k WHERE k.change_id = c.id)::int', Number);
    const read = (texts: RowTexts): ChangeWithRelations => {
      const entity = change(texts)!;
      const barrierRead = barrier(texts, { id: entity.barrierId })!;
      const pairRead = pair(texts, { id: entity.pairId })!;
      return {
        entity,
        relations: {
          barrier: barrierRead,
          raisingPair: raisedByProposer(texts) ? pairRead : raisingPair(texts),
          pair: pairRead,
          owner: owner(texts, { id: entity.ownerId })!,
          latestDecision: latestDecision(texts, { changeId: entity.id }),
          commentCount: commentCount(texts)!,
        },
      };
    };
    return { selectList: row.selectList, read };
  });
}

/** Primes the per-entity loaders with what a read found; an entity read without some properties is partial, and no loader may hand it to a field that shows them. */
function prime(loaders: PrimedLoaders, { entity, relations }: ChangeWithRelations, reads: PageReads): void {
  if (!reads.change.leftOut.length) loaders.change.change.prime(entity.id, entity);
  if (!reads.barrier.leftOut.length) loaders.barrier.barrier.prime(relations.barrier.id, relations.barrier);
  if (!reads.pair.leftOut.length) loaders.pair.pair.prime(relations.pair.id, relations.pair);
  const { raisingPair } = relations;
  if (raisingPair && raisingPair !== relations.pair && !reads.raisingPair.leftOut.length) loaders.pair.pair.prime(raisingPair.id, raisingPair);
  if (!reads.owner.leftOut.length) loaders.identity.person.prime(relations.owner.id, relations.owner);
  loaders.change.latestDecision.prime(entity.id, relations.latestDecision);
  loaders.comment.countByChange.prime(entity.id, relations.commentCount);
}

/** A change read with its relations. */
export interface ChangeWithRelations {
  entity: ChangeEntity;
  relations: ChangeRelations;
}

/**
 * One page of changes and everything around them in one statement. `pageSql` picks the page: it
 * selects the changes' ids as `id`, already filtered, ordered and limited; `orderBy` orders the
 * result the same way (it reads `c`). `reads` may leave out what no field asked for shows
 * (change.selection.ts): PostgreSQL builds, and Node parses, less.
 */
export async function readChangePage(
  db: DataSource,
  loaders: PrimedLoaders,
  pageSql: string,
  params: unknown[],
  orderBy: string,
  reads: PageReads = READ_ALL,
): Promise<ChangeWithRelations[]> {
  const { selectList, read } = layoutFor(db, reads);
  const rows = await queryPreparedTexts(
    db,
    `SELECT ${selectList}
     FROM (${pageSql}) page
     JOIN change_proposal c ON c.id = page.id ${RELATION_JOINS}
     ORDER BY ${orderBy}`,
    params,
  );
  return rows.map((row) => {
    const found = read(row);
    prime(loaders, found, reads);
    return found;
  });
}

/**
 * Changes by id with everything around them, batched per request: node() reads a change this way,
 * and a change read elsewhere (a barrier's changes, a pair's) reads its relations this way.
 */
export function changeRelationsLoader(db: DataSource, loaders: PrimedLoaders) {
  const { read } = layoutFor(db, READ_ALL);
  const sql = builtOnce(db, 'change.relations:byId', () => `SELECT ${layoutFor(db, READ_ALL).selectList} FROM change_proposal c ${RELATION_JOINS} WHERE c.id = ANY($1::uuid[])`);
  return new DataLoader<string, ChangeWithRelations | null>(async (changeIds) => {
    const found = (await queryPreparedTexts(db, sql, [changeIds])).map(read);
    for (const one of found) prime(loaders, one, READ_ALL);
    const byId = new Map(found.map((one) => [one.entity.id, one]));
    return changeIds.map((id) => byId.get(id) ?? null);
  });
}
