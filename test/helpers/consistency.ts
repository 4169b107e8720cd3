import { Client } from 'pg';

/**
 * What must hold of the workflow's data after any crash: every change's status is where its last
 * status-moving history event took it; every decision has its CHANGE_DECIDED event and the reverse;
 * no decision, comment or event points at a change that does not exist. Returns the violations.
 */
export async function workflowViolations(databaseUrl: string, titlePrefix: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const checks: [string, string][] = [
      [
        'status differs from the last history event',
        `SELECT c.id || ' is ' || c.status || ', history says ' || coalesce(last.to_status, 'nothing') AS v
           FROM change_proposal c
           LEFT JOIN LATERAL (SELECT e.to_status FROM event e WHERE e.change_id = c.id AND e.to_status IS NOT NULL
                              ORDER BY e.created_at DESC LIMIT 1) last ON true
          WHERE c.title LIKE $1 AND last.to_status IS DISTINCT FROM c.status::text`,
      ],
      [
        'decisions and CHANGE_DECIDED events differ',
        `SELECT c.id || ': ' || (SELECT count(*) FROM decision d WHERE d.change_id = c.id) || ' decisions, '
                || (SELECT count(*) FROM event e WHERE e.change_id = c.id AND e.kind = 'CHANGE_DECIDED') || ' events' AS v
           FROM change_proposal c
          WHERE c.title LIKE $1
            AND (SELECT count(*) FROM decision d WHERE d.change_id = c.id) <> (SELECT count(*) FROM event e WHERE e.change_id = c.id AND e.kind = 'CHANGE_DECIDED')`,
      ],
      ['orphaned decision', `SELECT d.id::text AS v FROM decision d LEFT JOIN change_proposal c ON c.id = d.change_id WHERE c.id IS NULL AND $1::text IS NOT NULL`],
      ['orphaned comment', `SELECT m.id::text AS v FROM comment m LEFT JOIN change_proposal c ON c.id = m.change_id WHERE m.change_id IS NOT NULL AND c.id IS NULL AND $1::text IS NOT NULL`],
      ['orphaned event', `SELECT e.id::text AS v FROM event e LEFT JOIN change_proposal c ON c.id = e.change_id WHERE e.change_id IS NOT NULL AND c.id IS NULL AND $1::text IS NOT NULL`],
    ];
    const violations: string[] = [];
    for (const [what, sql] of checks) {
      const { rows } = await client.query(sql, [`${titlePrefix}%`]);
      violations.push(...rows.map((row: { v: string }) => `${what}: ${row.v}`));
    }
    return violations;
  } finally {
    await client.end();
  }
}

/** The changes whose title starts with `titlePrefix`, by status. */
export async function changeCounts(databaseUrl: string, titlePrefix: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT status, count(*)::int AS n FROM change_proposal WHERE title LIKE $1 GROUP BY status`, [`${titlePrefix}%`]);
    return Object.fromEntries(rows.map((row: { status: string; n: number }) => [row.status, row.n]));
  } finally {
    await client.end();
  }
}
