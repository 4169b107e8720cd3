import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entityFromJson, rowAsJson, type RowJson, sqlOnce } from '../../common/loader-utils';
import { queryPrepared } from '../../db/prepared';
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
 * Most changes are proposed by the pair that raised their barrier: then the raising pair is the
 * change's own pair row (the join says so, rp.id = p.id), and is read once, not twice. Likewise
 * each related row leaves out the key the join already gives (b.id is c.barrier_id, and so on):
 * relationsFromRow puts it back from the row it joined on.
 */
const relationColumns = (db: DataSource, reads: PageReads) => `
           ${rowAsJson(db, BarrierEntity, 'b', ['id', ...reads.barrier.leftOut])} AS barrier,
           CASE WHEN rp.id IS NULL OR rp.id = p.id THEN NULL ELSE ${rowAsJson(db, PairEntity, 'rp', ['id', ...reads.raisingPair.leftOut])} END AS raising_pair,
           rp.id = p.id AS raised_by_proposer,
           ${rowAsJson(db, PairEntity, 'p', ['id', ...reads.pair.leftOut])} AS pair,
           ${rowAsJson(db, PersonEntity, 'o', ['id', ...reads.owner.leftOut])} AS owner,
           (SELECT ${rowAsJson(db, DecisionEntity, 'd', ['changeId'])} FROM decision d WHERE d.change_id = c.id ORDER BY d.created_at DESC, d.id DESC LIMIT 1) AS latest_decision,
           (SELECT count(*) FROM comment k WHERE k.change_id = c.id)::int AS comment_count`;
const RELATION_JOINS = `
    JOIN barrier b ON b.id = c.barrier_id
    JOIN pair p ON p.id = c.pair_id
    JOIN person o ON o.id = c.owner_id
    LEFT JOIN pair rp ON rp.id = b.pair_id`;

/** The change and everything around it, as a page (or node()) selects them: built once per kind of read. */
const selectList = (db: DataSource, reads: PageReads) =>
  sqlOnce(
    db,
    `change.relations:${reads.change.name}:${reads.barrier.name}:${reads.pair.name}:${reads.raisingPair.name}:${reads.owner.name}`,
    () => `${rowAsJson(db, ChangeEntity, 'c', reads.change.leftOut)} AS change, ${relationColumns(db, reads)}`,
  );

interface Row {
  change: RowJson;
  barrier: RowJson;
  raising_pair: RowJson | null;
  raised_by_proposer: boolean | null;
  pair: RowJson;
  owner: RowJson;
  latest_decision: RowJson | null;
  comment_count: number;
}

function relationsFromRow(db: DataSource, loaders: PrimedLoaders, change: ChangeEntity, row: Row, reads: PageReads): ChangeRelations {
  const changeId = change.id;
  const barrier = entityFromJson(db, BarrierEntity, row.barrier, { id: change.barrierId }, reads.barrier.leftOut);
  const pair = entityFromJson(db, PairEntity, row.pair, { id: change.pairId }, reads.pair.leftOut);
  const raisingPair = row.raised_by_proposer
    ? pair
    : row.raising_pair
      ? entityFromJson(db, PairEntity, row.raising_pair, { id: barrier.pairId }, reads.raisingPair.leftOut)
      : null;
  const relations: ChangeRelations = {
    barrier,
    raisingPair,
    pair,
    owner: entityFromJson(db, PersonEntity, row.owner, { id: change.ownerId }, reads.owner.leftOut),
    latestDecision: row.latest_decision ? entityFromJson(db, DecisionEntity, row.latest_decision, { changeId }) : null,
    commentCount: row.comment_count,
  };
  // An entity read without some properties is partial: no loader may hand it to a field that shows them.
  if (!reads.barrier.leftOut.length) loaders.barrier.barrier.prime(barrier.id, barrier);
  if (!reads.pair.leftOut.length) loaders.pair.pair.prime(pair.id, pair);
  if (raisingPair && raisingPair !== pair && !reads.raisingPair.leftOut.length) loaders.pair.pair.prime(raisingPair.id, raisingPair);
  if (!reads.owner.leftOut.length) loaders.identity.person.prime(relations.owner.id, relations.owner);
  loaders.change.latestDecision.prime(changeId, relations.latestDecision);
  loaders.comment.countByChange.prime(changeId, relations.commentCount);
  return relations;
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
  const rows = await queryPrepared<Row>(
    db,
    `SELECT ${selectList(db, reads)}
     FROM (${pageSql}) page
     JOIN change_proposal c ON c.id = page.id ${RELATION_JOINS}
     ORDER BY ${orderBy}`,
    params,
  );
  return rows.map((row) => withRelations(db, loaders, row, reads));
}

function withRelations(db: DataSource, loaders: PrimedLoaders, row: Row, reads: PageReads): ChangeWithRelations {
  const entity = entityFromJson(db, ChangeEntity, row.change, undefined, reads.change.leftOut);
  if (!reads.change.leftOut.length) loaders.change.change.prime(entity.id, entity);
  return { entity, relations: relationsFromRow(db, loaders, entity, row, reads) };
}

/**
 * Changes by id with everything around them, batched per request: node() reads a change this way,
 * and a change read elsewhere (a barrier's changes, a pair's) reads its relations this way.
 */
export function changeRelationsLoader(db: DataSource, loaders: PrimedLoaders) {
  const sql = sqlOnce(
    db,
    'change.relations:byId',
    () => `
    SELECT ${selectList(db, READ_ALL)}
    FROM change_proposal c ${RELATION_JOINS}
    WHERE c.id = ANY($1::uuid[])`,
  );
  return new DataLoader<string, ChangeWithRelations | null>(async (changeIds) => {
    const byId = new Map((await queryPrepared<Row>(db, sql, [changeIds])).map((row) => withRelations(db, loaders, row, READ_ALL)).map((read) => [read.entity.id, read]));
    return changeIds.map((id) => byId.get(id) ?? null);
  });
}
