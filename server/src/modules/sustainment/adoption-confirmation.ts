import type { EntityManager } from 'typeorm';
import type { ChangeEntity } from '../change/change.entity';
import type { PairEntity } from '../pair/pair.entity';

/** Who confirms an adoption. */
export enum Confirmer {
  OWNER = 'OWNER',
  SPONSOR = 'SPONSOR',
}

/** Why a sponsor, not the owner, must confirm: the owner would be confirming their own work. */
export enum SponsorReason {
  /** The owner is one of the two co-learners who proposed the change. */
  OWNER_IN_PAIR = 'OWNER_IN_PAIR',
  /** The change lies in the owner's own area: a co-learner of the proposing pair works in the owner's division. */
  OWNER_AREA = 'OWNER_AREA',
  /** Shown instead of the two above to viewers from whom an anonymous barrier hides the pair. */
  CONFLICT_OF_INTEREST = 'CONFLICT_OF_INTEREST',
}

export interface AdoptionConfirmation {
  confirmer: Confirmer;
  reason: SponsorReason | null;
}

const norm = (division: string | null | undefined) => division?.trim().toLowerCase() || null;

/**
 * The rule, as data in, answer out. "Own area" is concrete: the owner's membership division equals
 * the membership division of either co-learner of the proposing pair (the barrier was seen, and the
 * change made, inside the owner's own division). Owner in the pair is checked first.
 */
export function confirmationRule(change: ChangeEntity, pair: PairEntity, divisions: Map<string, string | null>): AdoptionConfirmation {
  if (change.ownerId === pair.seniorId || change.ownerId === pair.juniorId) return { confirmer: Confirmer.SPONSOR, reason: SponsorReason.OWNER_IN_PAIR };
  const ownerDivision = norm(divisions.get(change.ownerId));
  if (ownerDivision && [pair.seniorId, pair.juniorId].some((id) => norm(divisions.get(id)) === ownerDivision)) {
    return { confirmer: Confirmer.SPONSOR, reason: SponsorReason.OWNER_AREA };
  }
  return { confirmer: Confirmer.OWNER, reason: null };
}

/**
 * The same rule in SQL, for listing what awaits a viewer's confirmation: true where change `c` needs
 * a sponsor. Kept beside confirmationRule; sustainment.test.ts checks the list against the hint.
 */
export const CONFLICT_SQL = `EXISTS (
    SELECT 1 FROM pair cp
    WHERE cp.id = c.pair_id AND (
      c.owner_id IN (cp.senior_id, cp.junior_id)
      OR EXISTS (
        SELECT 1 FROM membership om JOIN membership pm ON pm.organisation_id = om.organisation_id AND pm.person_id IN (cp.senior_id, cp.junior_id)
        WHERE om.organisation_id = c.organisation_id AND om.person_id = c.owner_id
          AND nullif(lower(trim(om.division)), '') = lower(trim(pm.division)))))`;

/** Reads the three divisions the rule needs (one statement) and applies it. */
export async function adoptionConfirmation(db: Pick<EntityManager, 'query'>, change: ChangeEntity, pair: PairEntity): Promise<AdoptionConfirmation> {
  const rows: { person_id: string; division: string | null }[] = await db.query(
    `SELECT person_id, division FROM membership WHERE organisation_id = $1 AND person_id = ANY($2::uuid[])`,
    [change.organisationId, [change.ownerId, pair.seniorId, pair.juniorId]],
  );
  return confirmationRule(change, pair, new Map(rows.map((r) => [r.person_id, r.division])));
}
