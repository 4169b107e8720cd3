/**
 * The board's shapes, asked of each server in its own words, and what each answer normalises to,
 * so the three can be compared row by row before anything is timed.
 */
import { fromGlobalId, toGlobalId } from '../../server/src/common/relay';

export type ShapeName = 'first: 10' | 'first: 50' | 'first: 100' | 'node(id)';
export const SHAPES: ShapeName[] = ['first: 10', 'first: 50', 'first: 100', 'node(id)'];
export type ServerName = 'ours' | 'PostGraphile' | 'raw pg';
export const SERVERS: ServerName[] = ['ours', 'PostGraphile', 'raw pg'];

/** One change as the board shows it, whoever answered. */
export interface BoardRow {
  id: string;
  title: string;
  status: string;
  targetDate: string;
  progress: number;
  barrier: { title: string; category: string };
  owner: string;
  /** null where our anonymity rule hides the pair (ours and the raw floor); PostGraphile always shows it. */
  pairId: string | null;
  latestDecision: { outcome: string; rationale: string; decidedAt: string } | null;
  commentCount: number;
}

/** What the benchmark knows before it asks: the organisation, one change, and PostGraphile's node id for it. */
export interface Target {
  organisationId: string;
  changeId: string;
  postgraphileNodeId: string;
  token: string;
}

export interface Request {
  path: string;
  headers: Record<string, string>;
  body: string;
}

const OURS_FIELDS = `id title status targetDate progress barrier { title category } owner { displayName } pair { id }
  latestDecision { outcome rationale decidedAt } commentCount`;
const OURS_BOARD = `query Board($organisationId: ID!, $first: Int!) {
  changes(first: $first, filter: { organisationId: $organisationId }) { nodes { ${OURS_FIELDS} } }
}`;
const OURS_NODE = `query Change($id: ID!) { node(id: $id) { ... on Change { ${OURS_FIELDS} } } }`;

// PostGraphile's equivalent: the connection over change_proposal with a condition on the
// organisation, ordered as our NEWEST (created_at, then id, both descending); the latest decision
// as the first of the change's decisions newest first; the comment count as a totalCount.
const PGL_FIELDS = `rowId title status targetDate progress barrierByBarrierId { title category } personByOwnerId { displayName }
  pairByPairId { rowId } decisionsByChangeId(first: 1, orderBy: [CREATED_AT_DESC]) { nodes { outcome rationale createdAt } }
  commentsByChangeId { totalCount }`;
const PGL_BOARD = `query Board($organisationId: UUID!, $first: Int!) {
  allChangeProposals(first: $first, condition: { organisationId: $organisationId }, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { nodes { ${PGL_FIELDS} } }
}`;
const PGL_NODE = `query Change($id: ID!) { node(id: $id) { ... on ChangeProposal { ${PGL_FIELDS} } } }`;

const firstOf = (shape: ShapeName) => Number(shape.replace(/\D/g, ''));
const json = { 'content-type': 'application/json' };

export function requestFor(server: ServerName, shape: ShapeName, target: Target): Request {
  const isNode = shape === 'node(id)';
  if (server === 'ours') {
    const variables = isNode ? { id: toGlobalId('Change', target.changeId) } : { organisationId: toGlobalId('Organisation', target.organisationId), first: firstOf(shape) };
    return { path: '/graphql', headers: { ...json, authorization: `Bearer ${target.token}` }, body: JSON.stringify({ query: isNode ? OURS_NODE : OURS_BOARD, variables }) };
  }
  if (server === 'PostGraphile') {
    const variables = isNode ? { id: target.postgraphileNodeId } : { organisationId: target.organisationId, first: firstOf(shape) };
    return { path: '/graphql', headers: json, body: JSON.stringify({ query: isNode ? PGL_NODE : PGL_BOARD, variables }) };
  }
  return { path: '/board', headers: json, body: JSON.stringify(isNode ? { id: target.changeId } : { organisationId: target.organisationId, first: firstOf(shape) }) };
}

// Three servers' answers, read field by field below.
type Json = Record<string, any>;

const instant = (value: string) => new Date(value).toISOString();

function fromOurs(c: Json): BoardRow {
  return {
    id: fromGlobalId(c.id).id,
    title: c.title,
    status: c.status,
    targetDate: c.targetDate,
    progress: c.progress,
    barrier: c.barrier,
    owner: c.owner.displayName,
    pairId: c.pair ? fromGlobalId(c.pair.id).id : null,
    latestDecision: c.latestDecision && { ...c.latestDecision, decidedAt: instant(c.latestDecision.decidedAt) },
    commentCount: c.commentCount,
  };
}

function fromPostgraphile(c: Json): BoardRow {
  const decision = c.decisionsByChangeId.nodes[0];
  return {
    id: c.rowId,
    title: c.title,
    status: c.status,
    targetDate: c.targetDate,
    progress: c.progress,
    barrier: c.barrierByBarrierId,
    owner: c.personByOwnerId.displayName,
    pairId: c.pairByPairId.rowId,
    latestDecision: decision ? { outcome: decision.outcome, rationale: decision.rationale, decidedAt: instant(decision.createdAt) } : null,
    commentCount: c.commentsByChangeId.totalCount,
  };
}

function fromRaw(c: Json): BoardRow {
  return {
    ...(c as BoardRow),
    owner: c.owner.displayName,
    pairId: c.pair?.id ?? null,
    latestDecision: c.latestDecision && { ...c.latestDecision, decidedAt: instant(c.latestDecision.decidedAt) },
  };
}

/** The rows of one answer, normalised; throws on GraphQL errors or a missing node. */
export function rowsOf(server: ServerName, shape: ShapeName, body: string): BoardRow[] {
  const parsed = JSON.parse(body) as { data?: Json; errors?: unknown[] };
  if (parsed.errors?.length || !parsed.data) throw new Error(`${server} answered ${shape} with errors: ${JSON.stringify(parsed.errors).slice(0, 500)}`);
  const data = parsed.data;
  const nodes: Json[] = shape === 'node(id)' ? [data.node].filter(Boolean) : server === 'PostGraphile' ? data.allChangeProposals.nodes : data.changes.nodes;
  if (!nodes.length) throw new Error(`${server} answered ${shape} with no rows.`);
  const from = server === 'ours' ? fromOurs : server === 'PostGraphile' ? fromPostgraphile : fromRaw;
  return nodes.map((n) => {
    const row = from(n);
    // Key order fixed, so rows compare as JSON.
    return {
      id: row.id, title: row.title, status: row.status, targetDate: row.targetDate, progress: row.progress,
      barrier: { title: row.barrier.title, category: row.barrier.category }, owner: row.owner, pairId: row.pairId,
      latestDecision: row.latestDecision && { outcome: row.latestDecision.outcome, rationale: row.latestDecision.rationale, decidedAt: row.latestDecision.decidedAt },
      commentCount: Number(row.commentCount),
    };
  });
}
