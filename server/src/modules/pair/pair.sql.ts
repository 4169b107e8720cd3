/**
 * A pair's rhythm, shared by the dashboard's pair activity and the reminder sweep so that
 * "gone quiet" and "session due" mean the same everywhere. Expects `p` (pair) and `pr`
 * (programme) in scope; gives `agreed.cadence` and `agreed.agreed_on` from the latest contract
 * version both co-learners agreed (null until then).
 */
export const LATEST_AGREED_CONTRACT = `
    LEFT JOIN LATERAL (
      SELECT v.cadence, (greatest(v.senior_agreed_at, v.junior_agreed_at) AT TIME ZONE 'UTC')::date AS agreed_on
      FROM contract_version v
      WHERE v.pair_id = p.id AND v.senior_agreed_at IS NOT NULL AND v.junior_agreed_at IS NOT NULL
      ORDER BY v.version DESC LIMIT 1
    ) agreed ON true`;

/** Days between sessions for a cadence expression (the agreed contract's, else the programme's). */
export const intervalDays = (cadence: string) => `CASE ${cadence} WHEN 'WEEKLY' THEN 7 WHEN 'FORTNIGHTLY' THEN 14 WHEN 'MONTHLY' THEN 30 ELSE 60 END`;
