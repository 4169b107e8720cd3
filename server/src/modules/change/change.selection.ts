import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { fieldsIn } from '../../common/selection';
import type { BarrierEntity } from '../barrier/barrier.entity';
import type { PairEntity } from '../pair/pair.entity';
import type { PersonEntity } from '../person/person.entity';
import type { ChangeEntity } from './change.entity';

/**
 * One way a page may read an entity: the fields of its GraphQL type it can answer, and the entity
 * properties it leaves out (each read as a getter that throws, see common/loader-utils.ts). A page
 * reads each entity the narrowest way that answers every field asked of it, so PostgreSQL builds,
 * and Node parses, only what the board shows (issue 11: a third of the page statement's time went
 * on columns nobody asked for).
 *
 * Why a narrow read is as strict as a full one: what it always keeps is what the policies read
 * (organisation, status, the pairs' members, the barrier's attribution and raising pair, the keys
 * that order and page), so every field still answers through the same policy code. A field missing
 * from a narrowing only costs a wider read; a field listed that reads a property left out fails
 * loudly rather than showing nothing. change-read-path.test.ts asks each narrowing for every field
 * it lists, as several viewers, and compares the answers with a full read's.
 *
 * The narrowings are a few fixed ones, not one per query, so that a page has a bounded number of
 * statement texts, each prepared once per pooled connection (db/prepared.ts).
 */
export interface Narrowing<E> {
  /** Part of the statement's cache key: unique among one entity's narrowings. */
  name: string;
  /** The fields it answers; null: all of them. */
  fields: ReadonlySet<string> | null;
  leftOut: readonly (keyof E & string)[];
}

const FULL: Narrowing<never> = { name: 'full', fields: null, leftOut: [] };
const full = <E>() => FULL as unknown as Narrowing<E>;

const CHANGE_TEXTS: readonly (keyof ChangeEntity & string)[] = ['whatChanges', 'expectedImpact', 'successMeasures', 'adoptionEvidence', 'withdrawnReason'];
const BARRIER_TEXTS: readonly (keyof BarrierEntity & string)[] = ['description', 'evidence', 'affectedGroups'];

/**
 * Change fields that read no more of the change than a board shows. Each answers from the
 * properties a board read keeps (the policy's and the pagination's: organisation, pair, owner,
 * barrier, status, target date, created and updated) or from the relations read beside it.
 */
const BOARD_FIELDS = [
  '__typename',
  'id',
  'title',
  'targetDate',
  'status',
  'progress',
  'isOverdue',
  'createdAt',
  'updatedAt',
  'barrier',
  'owner',
  'pair',
  'latestDecision',
  'isSentBack',
  'commentCount',
  'viewerCanRevise',
  'viewerCanSubmit',
  'viewerCanDecide',
  'viewerCanStart',
  'viewerCanReportProgress',
  'viewerCanAdopt',
  'viewerCanWithdraw',
  'viewerCanReassignOwner',
  'viewerCanComment',
];

/** Change fields that read neither the change's long texts nor its barrier's. */
const FIELDS_WITHOUT_TEXTS = [...BOARD_FIELDS, 'submittedAt', 'decidedAt', 'startedAt', 'adoptedAt', 'decisionDueOn', 'isDecisionOverdue', 'version'];

/** Narrowest first. */
export const CHANGE_READS: readonly Narrowing<ChangeEntity>[] = [
  { name: 'board', fields: new Set(BOARD_FIELDS), leftOut: [...CHANGE_TEXTS, 'proposedById', 'submittedAt', 'decidedAt', 'startedAt', 'adoptedAt', 'version'] },
  { name: 'noTexts', fields: new Set(FIELDS_WITHOUT_TEXTS), leftOut: CHANGE_TEXTS },
  full(),
];

/** The barrier keeps its organisation, raising pair and attribution: whom an anonymous barrier hides. */
export const BARRIER_READS: readonly Narrowing<BarrierEntity>[] = [
  {
    name: 'board',
    fields: new Set(['__typename', 'id', 'title', 'category', 'attribution', 'status']),
    leftOut: [...BARRIER_TEXTS, 'raisedById', 'raisedForGroupSessionId', 'namingConsent', 'namingAnsweredAt', 'corroborationCount', 'createdAt', 'updatedAt'],
  },
  { name: 'noTexts', fields: new Set(['__typename', 'id', 'title', 'category', 'attribution', 'status', 'corroboratingPairCount']), leftOut: BARRIER_TEXTS },
  full(),
];

/** A pair keeps its organisation, programme, members and status: what every pair policy reads. */
const PAIR_BOARD: Narrowing<PairEntity> = { name: 'board', fields: new Set(['__typename', 'id', 'status']), leftOut: ['endedReason', 'createdAt'] };
export const PAIR_READS: readonly Narrowing<PairEntity>[] = [PAIR_BOARD, full()];

/** A person's name is all a board shows of them; their email has its own visibility rule (person.resolver.ts). */
export const OWNER_READS: readonly Narrowing<PersonEntity>[] = [
  { name: 'board', fields: new Set(['__typename', 'id', 'displayName']), leftOut: ['email', 'isPlatformAdmin', 'createdAt'] },
  full(),
];

/** What a page reads of each change and of what it shows around it. */
export interface PageReads {
  change: Narrowing<ChangeEntity>;
  barrier: Narrowing<BarrierEntity>;
  /** The pair that proposed the change. */
  pair: Narrowing<PairEntity>;
  /** The pair that raised the barrier: never shown through the change, only asked whom it hides. */
  raisingPair: Narrowing<PairEntity>;
  owner: Narrowing<PersonEntity>;
}
export const READ_ALL: PageReads = { change: full(), barrier: full(), pair: full(), raisingPair: full(), owner: full() };

const namesOf = (fields: FieldNode[]) => [...new Set(fields.map((field) => field.name.value))];
const narrowest = <E>(reads: readonly Narrowing<E>[], fields: string[]) => reads.find(({ fields: answers }) => !answers || fields.every((field) => answers.has(field)))!;

/**
 * What a connection of changes (`info` is its field's) must read of each change and what it
 * shows around it, from the fields asked for on its nodes or edges' nodes. Any change field not
 * known to a narrowing reads everything, around the change too: it may show a relation in full.
 */
export function pageReads(info: GraphQLResolveInfo): PageReads {
  const connection = info.fieldNodes.flatMap((node) => fieldsIn(info, node.selectionSet));
  const nodes = [
    ...connection.filter((field) => field.name.value === 'nodes'),
    ...connection.filter((field) => field.name.value === 'edges').flatMap((edges) => fieldsIn(info, edges.selectionSet).filter((field) => field.name.value === 'node')),
  ];
  const changeFields = nodes.flatMap((node) => fieldsIn(info, node.selectionSet));
  const change = narrowest(CHANGE_READS, namesOf(changeFields));
  if (!change.fields) return READ_ALL;
  // fieldsIn counts a field under @skip as asked for, which can only make the read wider.
  const asked = (relation: string) => namesOf(changeFields.filter((field) => field.name.value === relation).flatMap((field) => fieldsIn(info, field.selectionSet)));
  return {
    change,
    barrier: narrowest(BARRIER_READS, asked('barrier')),
    pair: narrowest(PAIR_READS, asked('pair')),
    raisingPair: PAIR_BOARD,
    owner: narrowest(OWNER_READS, asked('owner')),
  };
}
