import type { GraphQLResolveInfo } from 'graphql';
import { fieldsIn } from '../../common/selection';
import type { PageReads } from './change.relations';

/**
 * Change fields that read neither the change's long texts nor its barrier's: what a board shows.
 * Each answers from the change's other columns or from the relations read beside it (owner, pair,
 * latest decision and comment count are always read in full). A field missing here only costs a
 * full read; a field listed here that reads a text fails, because a partial entity's missing
 * properties throw (common/loader-utils.ts). change-read-path.test.ts asks for every field listed,
 * as several viewers, and compares each answer with a full read's.
 */
export const FIELDS_WITHOUT_TEXTS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'title',
  'targetDate',
  'status',
  'progress',
  'isOverdue',
  'submittedAt',
  'decidedAt',
  'startedAt',
  'adoptedAt',
  'decisionDueOn',
  'isDecisionOverdue',
  'version',
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
]);

/** Barrier fields that read none of the barrier's long texts (nor anything through a loader). */
export const BARRIER_FIELDS_WITHOUT_TEXTS: ReadonlySet<string> = new Set(['__typename', 'id', 'title', 'category', 'attribution', 'status', 'corroboratingPairCount']);

/**
 * What a connection of changes (`info` is its field's) must read of each change and its barrier:
 * the long texts only if a field asked for on its nodes or edges' nodes may show them. Any field
 * not known to do without them reads everything, the barrier's texts too.
 */
export function pageReads(info: GraphQLResolveInfo): PageReads {
  const connection = info.fieldNodes.flatMap((node) => fieldsIn(info, node.selectionSet));
  const nodes = [
    ...connection.filter((field) => field.name.value === 'nodes'),
    ...connection.filter((field) => field.name.value === 'edges').flatMap((edges) => fieldsIn(info, edges.selectionSet).filter((field) => field.name.value === 'node')),
  ];
  const changeFields = nodes.flatMap((node) => fieldsIn(info, node.selectionSet));
  const changeTexts = changeFields.some((field) => !FIELDS_WITHOUT_TEXTS.has(field.name.value));
  const barrierFields = changeFields.filter((field) => field.name.value === 'barrier').flatMap((field) => fieldsIn(info, field.selectionSet));
  // fieldsIn counts a field under @skip as asked for, which can only make the read fuller.
  return { changeTexts, barrierTexts: changeTexts || barrierFields.some((field) => !BARRIER_FIELDS_WITHOUT_TEXTS.has(field.name.value)) };
}
