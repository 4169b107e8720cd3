/**
 * The CSV exports' SQL: one keyset batch per statement, ordered by (created_at, id). Parameters:
 * $1 organisation, $2 programme or null, $3 owner or null (an owner's own changes), $4 the viewer
 * (an anonymous barrier's pair is named to that pair alone), $5/$6 the last row's created_at and id
 * (null for the first batch), $7 the batch size, $8 the programmes whose anonymous barriers (and
 * the changes on them) are withheld (common/anonymity.ts; empty organisation-wide). Private
 * session notes are never selected.
 */
import { withheldBarrierSql } from '../../common/anonymity';

/** Names a pair, unless the barrier is anonymous and the pair is the one that raised it and the viewer is not in it. */
const PAIR_NAME = (pairAlias: string, hiddenWhen: string) => `
  CASE WHEN ${hiddenWhen} AND $4::uuid NOT IN (${pairAlias}.senior_id, ${pairAlias}.junior_id) THEN NULL
       ELSE (SELECT s.display_name || ' & ' || j.display_name FROM person s, person j
             WHERE s.id = ${pairAlias}.senior_id AND j.id = ${pairAlias}.junior_id) END`;

const AFTER = (alias: string) => `($5::timestamptz IS NULL OR (${alias}.created_at, ${alias}.id) > ($5::timestamptz, $6::uuid))`;

export const CHANGES_EXPORT_SQL = `
  SELECT c.id, c.barrier_id, c.created_at, c.title, c.status, c.progress, c.target_date::text AS target_date,
         c.submitted_at, c.decided_at, c.started_at, c.adopted_at, c.success_measures, c.adoption_evidence,
         o.display_name AS owner_name, o.email AS owner_email, pr.name AS programme_name,
         b.title AS barrier_title, b.category AS barrier_category,
         ${PAIR_NAME('p', `b.attribution = 'ANONYMOUS' AND c.pair_id = b.pair_id`)} AS pair_name
  FROM change_proposal c
  JOIN pair p ON p.id = c.pair_id
  JOIN programme pr ON pr.id = p.programme_id
  JOIN barrier b ON b.id = c.barrier_id
  JOIN pair rp ON rp.id = b.pair_id
  JOIN person o ON o.id = c.owner_id
  WHERE c.organisation_id = $1 AND ($2::uuid IS NULL OR p.programme_id = $2) AND ($3::uuid IS NULL OR c.owner_id = $3)
    AND NOT ${withheldBarrierSql('b', 'rp', '$8', '$4')} AND ${AFTER('c')}
  ORDER BY c.created_at, c.id
  LIMIT $7`;

export const BARRIERS_EXPORT_SQL = `
  SELECT b.id, b.created_at, b.title, b.description, b.category, b.affected_groups::text[] AS affected_groups,
         b.status, b.attribution, pr.name AS programme_name, jsonb_array_length(b.evidence)::int AS evidence_items,
         ${PAIR_NAME('p', `b.attribution = 'ANONYMOUS'`)} AS pair_name,
         CASE WHEN b.attribution = 'ANONYMOUS' AND $4::uuid NOT IN (p.senior_id, p.junior_id) THEN NULL
              ELSE (SELECT r.display_name FROM person r WHERE r.id = b.raised_by_id) END AS raised_by,
         (SELECT g.title FROM group_session g WHERE g.id = b.raised_for_group_session_id) AS set_title,
         (SELECT count(*) FROM barrier_corroboration bc WHERE bc.barrier_id = b.id)::int AS corroborations,
         (SELECT count(*) FROM change_proposal x WHERE x.barrier_id = b.id)::int AS changes,
         (SELECT count(*) FROM change_proposal x WHERE x.barrier_id = b.id AND x.status = 'ADOPTED')::int AS adopted_changes
  FROM barrier b
  JOIN pair p ON p.id = b.pair_id
  JOIN programme pr ON pr.id = p.programme_id
  WHERE b.organisation_id = $1 AND ($2::uuid IS NULL OR p.programme_id = $2) AND $3::uuid IS NULL
    AND NOT ${withheldBarrierSql('b', 'p', '$8', '$4')} AND ${AFTER('b')}
  ORDER BY b.created_at, b.id
  LIMIT $7`;
