import { intervalDays, LATEST_AGREED_CONTRACT } from '../pair/pair.sql';
import { hasBookedSessionSql } from '../scheduling/scheduling.sql';

/**
 * One query per reminder rule. $1 is the sweep's clock (timestamptz). Every rule joins the
 * recipient's current, active membership, so someone removed from the organisation or deactivated
 * there (by a manager, or deprovisioned through SCIM) is never reminded;
 * every row carries the parts of its idempotency key, so a rule that matches on ten sweeps
 * still sends one message.
 */

/** Days an owner has to decide a submitted change before it is overdue. */
export const DECISION_DUE_DAYS = 14;
/** The owner is reminded this many days before the decision falls overdue. */
export const DECISION_REMINDER_LEAD_DAYS = 3;
/** A partner is reminded of a contract version awaiting their agreement after this many days. */
export const CONTRACT_REMINDER_AFTER_DAYS = 2;
/** A change in progress with no progress report for this long reminds its owner and pair. */
export const PROGRESS_STALE_DAYS = 30;
/** Co-learners who have not answered are reminded this many days before the programme ends. */
export const QUESTIONNAIRE_CLOSING_LEAD_DAYS = 7;

const MEMBER = (person: string, organisation: string) =>
  `EXISTS (SELECT 1 FROM membership mm WHERE mm.person_id = ${person} AND mm.organisation_id = ${organisation} AND mm.deactivated_at IS NULL)`;

export const DECISION_DUE_SQL = `
  SELECT c.id, c.title, c.organisation_id, c.owner_id AS recipient_id, c.submitted_at,
         (c.submitted_at + interval '${DECISION_DUE_DAYS} days') AS due_at
  FROM change_proposal c
  WHERE c.status = 'SUBMITTED' AND $1 >= c.submitted_at + interval '${DECISION_DUE_DAYS - DECISION_REMINDER_LEAD_DAYS} days'
    AND ${MEMBER('c.owner_id', 'c.organisation_id')}`;

export const DECISION_OVERDUE_SQL = `
  SELECT c.id, c.title, c.organisation_id, m.person_id AS recipient_id, c.submitted_at, o.display_name AS owner_name,
         (c.submitted_at + interval '${DECISION_DUE_DAYS} days') AS due_at
  FROM change_proposal c
  JOIN membership m ON m.organisation_id = c.organisation_id AND 'PROGRAMME_MANAGER' = ANY(m.roles) AND m.deactivated_at IS NULL
  JOIN person o ON o.id = c.owner_id
  WHERE c.status = 'SUBMITTED' AND $1 >= c.submitted_at + interval '${DECISION_DUE_DAYS} days'`;

/**
 * Active pairs against the cadence of the latest contract both agreed (the programme's until
 * then): when the next session is due, and whether the pair has gone quiet, by the same rule as
 * the dashboard's pair activity (insight.sql.ts PAIR_ACTIVITY_SQL; both use pair.sql.ts): no session for more than two
 * intervals, or none at all once the pair is older than that.
 */
export const PAIR_RHYTHM_SQL = `
  WITH rhythm AS (
    SELECT p.id, p.organisation_id, p.senior_id, p.junior_id, s.display_name AS senior_name, j.display_name AS junior_name,
           (p.created_at AT TIME ZONE 'UTC')::date AS created_on, agreed.agreed_on,
           (SELECT max(ms.held_on) FROM mentoring_session ms WHERE ms.pair_id = p.id) AS last_held_on,
           ${intervalDays('coalesce(agreed.cadence, pr.session_cadence)')} AS interval_days
    FROM pair p
    JOIN programme pr ON pr.id = p.programme_id
    JOIN person s ON s.id = p.senior_id
    JOIN person j ON j.id = p.junior_id${LATEST_AGREED_CONTRACT}
    WHERE p.status = 'ACTIVE'
  )
  SELECT r.*, ($1::timestamptz AT TIME ZONE 'UTC')::date AS today,
         (coalesce(r.last_held_on, r.agreed_on) + r.interval_days)::text AS due_on,
         (CASE WHEN r.last_held_on IS NOT NULL THEN ($1::timestamptz AT TIME ZONE 'UTC')::date - r.last_held_on > 2 * r.interval_days
              ELSE ($1::timestamptz AT TIME ZONE 'UTC')::date - r.created_on > 2 * r.interval_days END
          AND NOT ${hasBookedSessionSql('r.id', '$1::timestamptz')}) AS quiet,
         ${hasBookedSessionSql('r.id', '$1::timestamptz')} AS booked,
         r.last_held_on::text AS last_held
  FROM rhythm r`;

export const CONTRACT_PENDING_SQL = `
  SELECT v.id, v.pair_id, p.organisation_id, v.version,
         CASE WHEN v.senior_agreed_at IS NULL THEN p.senior_id ELSE p.junior_id END AS recipient_id,
         CASE WHEN v.senior_agreed_at IS NULL THEN j.display_name ELSE s.display_name END AS partner_name
  FROM contract_version v
  JOIN pair p ON p.id = v.pair_id
  JOIN person s ON s.id = p.senior_id
  JOIN person j ON j.id = p.junior_id
  WHERE p.status IN ('PROPOSED', 'ACTIVE')
    AND v.version = (SELECT max(x.version) FROM contract_version x WHERE x.pair_id = v.pair_id)
    AND (v.senior_agreed_at IS NULL) <> (v.junior_agreed_at IS NULL)
    AND $1 >= v.created_at + interval '${CONTRACT_REMINDER_AFTER_DAYS} days'`;

export const PROGRESS_STALE_SQL = `
  SELECT c.id, c.title, c.organisation_id, c.owner_id, p.senior_id, p.junior_id,
         greatest(c.started_at, last.at) AS last_progress_at
  FROM change_proposal c
  JOIN pair p ON p.id = c.pair_id
  LEFT JOIN LATERAL (
    SELECT max(e.created_at) AS at FROM event e WHERE e.change_id = c.id AND e.kind = 'CHANGE_PROGRESS_REPORTED'
  ) last ON true
  WHERE c.status = 'IN_PROGRESS' AND c.started_at IS NOT NULL
    AND $1 >= greatest(c.started_at, last.at) + interval '${PROGRESS_STALE_DAYS} days'`;

/** Co-learners of the programme's pairs that have not ended, with whether they have answered. */
export const QUESTIONNAIRE_SQL = `
  SELECT q.id, q.title, q.organisation_id, q.opened_at, pr.ends_on::text AS ends_on, people.person_id AS recipient_id,
         EXISTS (SELECT 1 FROM questionnaire_participation qp WHERE qp.questionnaire_id = q.id AND qp.person_id = people.person_id) AS answered,
         ($1::timestamptz AT TIME ZONE 'UTC')::date >= pr.ends_on - ${QUESTIONNAIRE_CLOSING_LEAD_DAYS} AS closing
  FROM questionnaire q
  JOIN programme pr ON pr.id = q.programme_id
  JOIN LATERAL (
    SELECT DISTINCT unnest(ARRAY[p.senior_id, p.junior_id]) AS person_id FROM pair p WHERE p.programme_id = q.programme_id AND p.status <> 'ENDED'
  ) people ON true
  WHERE q.status = 'OPEN' AND q.opened_at <= $1 AND ($1::timestamptz AT TIME ZONE 'UTC')::date <= pr.ends_on
    AND ${MEMBER('people.person_id', 'q.organisation_id')}`;
