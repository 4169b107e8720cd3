/**
 * The raw floor's SQL: one statement per request that builds the whole GraphQL-shaped response
 * with json_build_object/json_agg, returned as text so Node never parses it.
 *
 * It applies our anonymity rule for a viewer who is in no pair (the programme manager): a change's
 * pair is null when its barrier is ANONYMOUS and the pair's senior is in the pair that raised the
 * barrier (barrierPolicy.hidesPerson via hidesIdentity, called with the pair's senior).
 */
const CHANGE_JSON = `json_build_object(
    'id', c.id, 'title', c.title, 'status', c.status, 'targetDate', c.target_date, 'progress', c.progress,
    'barrier', json_build_object('title', b.title, 'category', b.category),
    'owner', json_build_object('displayName', o.display_name),
    'pair', CASE WHEN b.attribution = 'ANONYMOUS' AND p.senior_id IN (rp.senior_id, rp.junior_id) THEN NULL ELSE json_build_object('id', p.id) END,
    'latestDecision', (SELECT json_build_object('outcome', d.outcome, 'rationale', d.rationale, 'decidedAt', d.created_at)
                       FROM decision d WHERE d.change_id = c.id ORDER BY d.created_at DESC LIMIT 1),
    'commentCount', (SELECT count(*) FROM comment m WHERE m.change_id = c.id))`;

const JOINS = `FROM change_proposal c
  JOIN barrier b ON b.id = c.barrier_id
  JOIN pair rp ON rp.id = b.pair_id
  JOIN pair p ON p.id = c.pair_id
  JOIN person o ON o.id = c.owner_id`;

/** $1 organisation id, $2 page size; newest first, as our changes(orderBy: NEWEST). */
export const RAW_BOARD_SQL = `
SELECT json_build_object('data', json_build_object('changes', json_build_object('nodes',
         coalesce(json_agg(page.change ORDER BY page.created_at DESC, page.id DESC), '[]'))))::text AS body
FROM (SELECT c.created_at, c.id, ${CHANGE_JSON} AS change
      ${JOINS}
      WHERE c.organisation_id = $1
      ORDER BY c.created_at DESC, c.id DESC
      LIMIT $2) page`;

/** $1 change id. */
export const RAW_NODE_SQL = `
SELECT json_build_object('data', json_build_object('node', (SELECT ${CHANGE_JSON} ${JOINS} WHERE c.id = $1)))::text AS body`;
