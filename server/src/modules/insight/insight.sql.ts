import { withheldBarrierSql } from '../../common/anonymity';
import { intervalDays } from '../pair/pair.sql';
import { hasBookedSessionSql } from '../scheduling/scheduling.sql';

/**
 * The dashboard's SQL. Each figure is one statement over the whole scope (GROUP BY, FILTER,
 * percentile_cont), so the number of statements never grows with the data. Parameters: $1 the
 * organisation id, $2 the programme id or null; change statements take $3, the owner id or null
 * (an owner's own changes), and $4, the programmes whose anonymous barriers are withheld (see
 * common/anonymity.ts); barrier statements take that list as $3; the rest are listed per
 * statement. Dates are UTC, YYYY-MM-DD. Private session notes are never selected here.
 */

/**
 * Changes in scope: `c` joined to its proposing pair `p` (the pair gives the programme), its
 * barrier `b` and the barrier's raising pair `rp`; a change on a withheld barrier is withheld too.
 */
const CHANGES_FROM = `change_proposal c JOIN pair p ON p.id = c.pair_id JOIN barrier b ON b.id = c.barrier_id JOIN pair rp ON rp.id = b.pair_id`;
const CHANGES_WHERE = `c.organisation_id = $1 AND ($2::uuid IS NULL OR p.programme_id = $2) AND ($3::uuid IS NULL OR c.owner_id = $3)
  AND NOT ${withheldBarrierSql('b', 'rp', '$4')}`;
const CHANGES_IN_SCOPE = `${CHANGES_FROM} WHERE ${CHANGES_WHERE}`;
/** The same, with the owner `o`. */
const OWNED_CHANGES_IN_SCOPE = `${CHANGES_FROM} JOIN person o ON o.id = c.owner_id WHERE ${CHANGES_WHERE}`;

/** Barriers in scope: `b` joined to its raising pair `p` (an owner's scope has no barriers); `param` the withheld programmes. */
const BARRIERS_FROM = `barrier b JOIN pair p ON p.id = b.pair_id`;
const BARRIERS_WHERE = (param: string) => `b.organisation_id = $1 AND ($2::uuid IS NULL OR p.programme_id = $2) AND NOT ${withheldBarrierSql('b', 'p', param)}`;

/**
 * A person as JSON, selected with the row that names them, so the person loader is primed and
 * no separate statement (or a varying number of them) is needed to show names.
 */
const PERSON = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'email', ${alias}.email, 'displayName', ${alias}.display_name, 'isPlatformAdmin', ${alias}.is_platform_admin, 'createdAt', ${alias}.created_at)`;

const DAYS = (from: string, to: string) => `extract(epoch FROM (${to} - ${from})) / 86400.0`;
const MEDIAN = (expr: string) => `round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expr})::numeric, 1)::float`;

/**
 * The funnel, in two parts that each count one kind of thing. Barriers in scope: raised, with at
 * least one change proposed, with at least one change adopted. Changes in scope: how many reached
 * each stage, whatever happened later (a withdrawn change counts as approved if it was started, or
 * if its history shows an approval). Every stage is a subset of the one before it. With them, the
 * median days spent in each stage. $4 the withheld programmes.
 */
export const FUNNEL_SQL = `
  WITH scoped_barriers AS (
    SELECT b.id FROM ${BARRIERS_FROM} WHERE ${BARRIERS_WHERE('$4')}
  )
  SELECT
    (SELECT count(*) FROM scoped_barriers)::int AS barriers_raised,
    (SELECT count(*) FROM scoped_barriers sb WHERE EXISTS (SELECT 1 FROM change_proposal x WHERE x.barrier_id = sb.id))::int AS barriers_with_change,
    (SELECT count(*) FROM scoped_barriers sb WHERE EXISTS (SELECT 1 FROM change_proposal x WHERE x.barrier_id = sb.id AND x.status = 'ADOPTED'))::int
      AS barriers_with_adopted_change,
    count(*)::int AS proposed,
    count(*) FILTER (WHERE c.submitted_at IS NOT NULL)::int AS submitted,
    count(*) FILTER (WHERE c.status IN ('APPROVED', 'IN_PROGRESS', 'ADOPTION_REQUESTED', 'ADOPTED')
      OR (c.status = 'WITHDRAWN' AND (c.started_at IS NOT NULL
        OR EXISTS (SELECT 1 FROM event e WHERE e.change_id = c.id AND e.to_status = 'APPROVED'))))::int AS approved,
    count(*) FILTER (WHERE c.started_at IS NOT NULL)::int AS in_progress,
    count(*) FILTER (WHERE c.status = 'ADOPTED')::int AS adopted,
    count(*) FILTER (WHERE c.status = 'REJECTED')::int AS rejected,
    count(*) FILTER (WHERE c.status = 'WITHDRAWN')::int AS withdrawn,
    count(*) FILTER (WHERE c.status = 'DRAFT')::int AS now_draft,
    count(*) FILTER (WHERE c.status = 'SUBMITTED')::int AS now_submitted,
    count(*) FILTER (WHERE c.status = 'APPROVED')::int AS now_approved,
    count(*) FILTER (WHERE c.status = 'IN_PROGRESS')::int AS now_in_progress,
    count(*) FILTER (WHERE c.status = 'ADOPTION_REQUESTED')::int AS now_adoption_requested,
    ${MEDIAN(DAYS('c.created_at', 'c.submitted_at'))} AS drafting_days,
    count(c.submitted_at)::int AS drafting_n,
    ${MEDIAN(`CASE WHEN c.decided_at >= c.submitted_at THEN ${DAYS('c.submitted_at', 'c.decided_at')} END`)} AS deciding_days,
    count(*) FILTER (WHERE c.decided_at >= c.submitted_at)::int AS deciding_n,
    ${MEDIAN(`CASE WHEN c.started_at IS NOT NULL THEN ${DAYS('c.decided_at', 'c.started_at')} END`)} AS awaiting_start_days,
    count(*) FILTER (WHERE c.started_at IS NOT NULL AND c.decided_at IS NOT NULL)::int AS awaiting_start_n,
    ${MEDIAN(DAYS('c.started_at', 'c.adopted_at'))} AS in_progress_days,
    count(*) FILTER (WHERE c.started_at IS NOT NULL AND c.adopted_at IS NOT NULL)::int AS in_progress_n,
    ${MEDIAN(DAYS('c.created_at', 'c.adopted_at'))} AS end_to_end_days,
    count(c.adopted_at)::int AS end_to_end_n
  FROM ${CHANGES_IN_SCOPE}`;

/** $5 today; $6 the row limit. */
const OVERDUE = `c.target_date < $5::date AND c.status NOT IN ('ADOPTED', 'REJECTED', 'WITHDRAWN')`;

/** Overdue changes per owner, most overdue first. */
export const OVERDUE_BY_OWNER_SQL = `
  SELECT c.owner_id, ${PERSON('o')} AS owner, count(*)::int AS overdue, min(c.target_date)::text AS oldest_target_date,
         max($5::date - c.target_date)::int AS max_days_overdue
  FROM ${OWNED_CHANGES_IN_SCOPE} AND ${OVERDUE}
  GROUP BY c.owner_id, o.id
  ORDER BY overdue DESC, max_days_overdue DESC, c.owner_id
  LIMIT $6`;

/** The overdue changes themselves, most overdue first. */
export const OVERDUE_CHANGES_SQL = `
  SELECT c.id, c.title, c.status, c.owner_id, ${PERSON('o')} AS owner, c.target_date::text AS target_date, c.progress,
         ($5::date - c.target_date)::int AS days_overdue
  FROM ${OWNED_CHANGES_IN_SCOPE} AND ${OVERDUE}
  ORDER BY c.target_date, c.id
  LIMIT $6`;

/** Adopted changes with their evidence and measures, latest first (the board report's core); $5 the limit. */
export const ADOPTED_CHANGES_SQL = `
  SELECT c.id, c.title, c.owner_id, ${PERSON('o')} AS owner, c.adopted_at, c.adoption_evidence, c.success_measures,
         b.title AS barrier_title, b.category AS barrier_category
  FROM ${OWNED_CHANGES_IN_SCOPE} AND c.status = 'ADOPTED'
  ORDER BY c.adopted_at DESC, c.id
  LIMIT $5`;

/** Barriers per category. */
export const BARRIERS_BY_CATEGORY_SQL = `
  SELECT b.category, count(*)::int AS barriers
  FROM ${BARRIERS_FROM} WHERE ${BARRIERS_WHERE('$3')}
  GROUP BY b.category`;

/** Barriers per affected group (a barrier affecting two groups counts in both). */
export const BARRIERS_BY_GROUP_SQL = `
  SELECT g.affected_group, count(*)::int AS barriers
  FROM ${BARRIERS_FROM} CROSS JOIN LATERAL unnest(b.affected_groups) AS g(affected_group)
  WHERE ${BARRIERS_WHERE('$3')}
  GROUP BY g.affected_group`;

/**
 * The most corroborated barriers: how many other pairs said "we see this too", and across how many
 * divisions. Counted from the corroborations themselves, not the cached counter. $4 the limit.
 */
export const MOST_CORROBORATED_SQL = `
  SELECT b.id, b.title, b.category, b.status, b.affected_groups::text[] AS affected_groups,
         count(bc.id)::int AS corroborations,
         (SELECT count(DISTINCT d) FROM barrier_corroboration x CROSS JOIN LATERAL unnest(x.divisions) AS d
           WHERE x.barrier_id = b.id)::int AS divisions,
         (SELECT count(*) FROM change_proposal x WHERE x.barrier_id = b.id)::int AS changes
  FROM ${BARRIERS_FROM} JOIN barrier_corroboration bc ON bc.barrier_id = b.id
  WHERE ${BARRIERS_WHERE('$3')}
  GROUP BY b.id
  ORDER BY corroborations DESC, divisions DESC, b.created_at, b.id
  LIMIT $4`;

/**
 * Pair activity: sessions logged against the cadence the pair agreed. Expected sessions count from
 * the pair's start (the first contract both agreed), each agreed version at its own cadence until
 * the next one was agreed, to today or the programme's end; a new version never resets a pair's
 * history. Quiet: an ACTIVE pair with no session for more than two intervals of its latest cadence
 * (or none at all, once the pair is older than that). A pair's row carries sessions only, never
 * barriers, so no pair-sized group counts anonymous barriers. $3 today.
 */
export const PAIR_ACTIVITY_SQL = `
  WITH scoped AS (
    SELECT p.id, p.status, p.senior_id, p.junior_id, (p.created_at AT TIME ZONE 'UTC')::date AS created_on,
           pr.ends_on, agreed.started_on, agreed.expected,
           coalesce(agreed.cadence, pr.session_cadence) AS cadence
    FROM pair p
    JOIN programme pr ON pr.id = p.programme_id
    LEFT JOIN LATERAL (
      SELECT min(v.agreed_on) AS started_on, (array_agg(v.cadence ORDER BY v.version DESC))[1] AS cadence,
             floor(sum(greatest(0, least(v.next_on, $3::date, pr.ends_on) - v.agreed_on)::numeric / ${intervalDays('v.cadence')}))::int AS expected
      FROM (
        SELECT a.version, a.cadence, a.agreed_on, lead(a.agreed_on) OVER (ORDER BY a.version) AS next_on
        FROM (
          SELECT cv.version, cv.cadence, (greatest(cv.senior_agreed_at, cv.junior_agreed_at) AT TIME ZONE 'UTC')::date AS agreed_on
          FROM contract_version cv
          WHERE cv.pair_id = p.id AND cv.senior_agreed_at IS NOT NULL AND cv.junior_agreed_at IS NOT NULL
        ) a
      ) v
      HAVING count(*) > 0
    ) agreed ON true
    WHERE p.organisation_id = $1 AND ($2::uuid IS NULL OR p.programme_id = $2)
  ), held AS (
    SELECT s.pair_id, count(*)::int AS sessions, max(s.held_on) AS last_held_on,
           count(*) FILTER (WHERE s.session_type = 'CONVERSATION')::int AS conversations,
           count(*) FILTER (WHERE s.session_type = 'SHADOWING')::int AS shadowing,
           count(*) FILTER (WHERE s.session_type = 'GROUP')::int AS group_sessions
    FROM mentoring_session s JOIN scoped ON scoped.id = s.pair_id
    GROUP BY s.pair_id
  ), measured AS (
    SELECT scoped.*, coalesce(held.sessions, 0) AS sessions, held.last_held_on,
           coalesce(held.conversations, 0) AS conversations, coalesce(held.shadowing, 0) AS shadowing,
           -- Group sessions: those the pair logged as such, and held ones either co-learner was recorded at.
           coalesce(held.group_sessions, 0) + (SELECT count(*)::int FROM group_session g
             WHERE g.status = 'HELD' AND EXISTS (SELECT 1 FROM group_session_invitee gi WHERE gi.session_id = g.id AND gi.pair_id = scoped.id AND gi.attended)) AS group_sessions,
           ${intervalDays('scoped.cadence')} AS interval_days
    FROM scoped LEFT JOIN held ON held.pair_id = scoped.id
  )
  SELECT m.id, m.status, m.senior_id, m.junior_id, ${PERSON('s')} AS senior, ${PERSON('j')} AS junior,
         m.cadence, m.sessions, m.last_held_on::text AS last_held_on,
         CASE WHEN last_held_on IS NOT NULL THEN ($3::date - last_held_on) END AS days_since_last,
         m.expected, m.conversations, m.shadowing, m.group_sessions,
         (status = 'ACTIVE' AND CASE WHEN last_held_on IS NOT NULL THEN $3::date - last_held_on > 2 * interval_days
                                     ELSE $3::date - created_on > 2 * interval_days END
                            AND NOT ${hasBookedSessionSql('m.id', '$3::date')}) AS quiet
  FROM measured m JOIN person s ON s.id = m.senior_id JOIN person j ON j.id = m.junior_id
  ORDER BY quiet DESC, last_held_on ASC NULLS FIRST, m.id`;

/**
 * Per programme of the organisation: pairs, barriers, changes and adoptions. Each row is a group:
 * $3, the programmes whose anonymous barriers narrowed figures withhold, applies to every row.
 */
export const PROGRAMME_BREAKDOWN_SQL = `
  SELECT pr.id, pr.name, pr.status, pr.starts_on::text AS starts_on, pr.ends_on::text AS ends_on,
         (SELECT count(*) FROM pair p WHERE p.programme_id = pr.id)::int AS pairs,
         (SELECT count(*) FROM ${BARRIERS_FROM} WHERE p.programme_id = pr.id AND NOT ${withheldBarrierSql('b', 'p', '$3')})::int AS barriers,
         (SELECT count(*) FROM ${CHANGES_FROM} WHERE p.programme_id = pr.id AND NOT ${withheldBarrierSql('b', 'rp', '$3')})::int AS changes,
         (SELECT count(*) FROM ${CHANGES_FROM}
           WHERE p.programme_id = pr.id AND c.status = 'ADOPTED' AND NOT ${withheldBarrierSql('b', 'rp', '$3')})::int AS adopted
  FROM programme pr
  WHERE pr.organisation_id = $1 AND ($2::uuid IS NULL OR pr.id = $2)
  ORDER BY pr.starts_on DESC, pr.id`;
