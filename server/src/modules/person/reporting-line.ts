import type { EntityManager } from 'typeorm';

/**
 * The reporting line: each membership's line manager is another membership of the same
 * organisation, and the chain upwards is followed in SQL (a recursive query), for the matching
 * assistant's rule that nobody is paired with someone in their own line, and to refuse a line
 * manager that would make the chain go round in a circle. The depth bound only guards against a
 * cycle written around these checks.
 */
const MAX_DEPTH = 64;

/** For every member of the organisation with a line manager: the person ids of everyone above them. */
export async function managersByPerson(tx: EntityManager, organisationId: string): Promise<Map<string, Set<string>>> {
  const rows: { person_id: string; manager_person_id: string }[] = await tx.query(
    `WITH RECURSIVE chain (person_id, manager_membership_id, depth) AS (
       SELECT m.person_id, m.line_manager_id, 1 FROM membership m
        WHERE m.organisation_id = $1 AND m.line_manager_id IS NOT NULL
       UNION ALL
       SELECT c.person_id, up.line_manager_id, c.depth + 1 FROM chain c
         JOIN membership up ON up.id = c.manager_membership_id
        WHERE up.line_manager_id IS NOT NULL AND c.depth < $2
     )
     SELECT DISTINCT c.person_id, mm.person_id AS manager_person_id
       FROM chain c JOIN membership mm ON mm.id = c.manager_membership_id`,
    [organisationId, MAX_DEPTH],
  );
  const managers = new Map<string, Set<string>>();
  for (const row of rows) {
    const above = managers.get(row.person_id) ?? new Set<string>();
    above.add(row.manager_person_id);
    managers.set(row.person_id, above);
  }
  return managers;
}

/** Whether making `managerMembershipId` the line manager of `membershipId` would close a circle. */
export async function wouldCloseCircle(tx: EntityManager, membershipId: string, managerMembershipId: string): Promise<boolean> {
  if (membershipId === managerMembershipId) return true;
  const rows: unknown[] = await tx.query(
    `WITH RECURSIVE chain (id, line_manager_id, depth) AS (
       SELECT id, line_manager_id, 1 FROM membership WHERE id = $1
       UNION ALL
       SELECT up.id, up.line_manager_id, c.depth + 1 FROM chain c JOIN membership up ON up.id = c.line_manager_id WHERE c.depth < $3
     )
     SELECT 1 FROM chain WHERE id = $2 LIMIT 1`,
    [managerMembershipId, membershipId, MAX_DEPTH],
  );
  return rows.length > 0;
}
