import { Ctx, Field, Float, ID, Int, ObjectType, FieldResolver, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { withheldBarrierSql } from '../../common/anonymity';
import { idOf, toGlobalId } from '../../common/relay';
import type { Context } from '../../context';
import { ChangeStatus } from '../change/change.entity';
import { DashboardAccess } from '../insight/insight.policy';
import type { InsightScope } from '../insight/insight.service';
import { AdoptedChange, Dashboard } from '../insight/insight.type';
import { ChangeSustainment, sustainmentOf } from './sustainment.type';

@ObjectType({ description: 'At one review month: how many adopted changes were reviewed, and how many were still in force.' })
export class SustainmentIndexPoint {
  @Field(() => Int, { description: 'Months after adoption.' })
  months: number;
  @Field(() => Int, { description: 'Changes reviewed at this month (a change that lapsed at an earlier review counts, as not in force).' })
  reviewed: number;
  @Field(() => Int)
  inForce: number;
  @Field(() => Int, { description: 'Reviews past their day without a record.' })
  missed: number;
  @Field(() => Float, { nullable: true, description: 'inForce ÷ reviewed, 0 to 1; null when none was reviewed.' })
  index: number | null;
}

@ObjectType({ description: "A cohort's sustainment index: adopted changes still in force at each review. Anonymous barriers of small programmes are left out, as from every programme figure." })
export class CohortSustainment {
  @Field(() => ID)
  programmeId: string;
  @Field()
  name: string;
  @Field(() => Int, { description: 'Adopted changes (confirmed).' })
  adopted: number;
  @Field(() => [SustainmentIndexPoint], { description: 'One point per review month, earliest first.' })
  points: SustainmentIndexPoint[];
}

/**
 * Per programme and review month. $1 organisation, $2 programme or null, $3 today, $4 the
 * programmes whose anonymous barriers per-programme figures withhold (the K rule of anonymity.ts).
 */
const INDEX_SQL = `
  SELECT pr.id, pr.name, pr.starts_on,
         (SELECT count(*) FROM change_proposal c JOIN pair p ON p.id = c.pair_id JOIN barrier b ON b.id = c.barrier_id JOIN pair rp ON rp.id = b.pair_id
           WHERE p.programme_id = pr.id AND c.status = '${ChangeStatus.ADOPTED}' AND NOT ${withheldBarrierSql('b', 'rp', '$4')})::int AS adopted,
         coalesce((SELECT json_agg(x ORDER BY x.months) FROM (
           SELECT r.months,
                  count(*) FILTER (WHERE r.recorded_at IS NOT NULL OR r.cancelled_at IS NOT NULL)::int AS reviewed,
                  count(*) FILTER (WHERE r.in_force)::int AS in_force,
                  count(*) FILTER (WHERE r.recorded_at IS NULL AND r.cancelled_at IS NULL AND r.due_on < $3::date)::int AS missed
           FROM sustainment_review r JOIN change_proposal c ON c.id = r.change_id JOIN pair p ON p.id = c.pair_id
                JOIN barrier b ON b.id = c.barrier_id JOIN pair rp ON rp.id = b.pair_id
           WHERE p.programme_id = pr.id AND c.status = '${ChangeStatus.ADOPTED}' AND NOT ${withheldBarrierSql('b', 'rp', '$4')}
           GROUP BY r.months) x), '[]') AS points
  FROM programme pr
  WHERE pr.organisation_id = $1 AND ($2::uuid IS NULL OR pr.id = $2)
  ORDER BY pr.starts_on, pr.name`;

export async function cohortSustainment(ctx: Context, scope: InsightScope): Promise<CohortSustainment[] | null> {
  if (scope.access !== DashboardAccess.FULL) return null;
  const rows: { id: string; name: string; adopted: number; points: { months: number; reviewed: number; in_force: number; missed: number }[] }[] = await ctx.db.query(INDEX_SQL, [
    scope.organisationId,
    scope.programmeId,
    scope.today,
    scope.withheldPerProgramme,
  ]);
  return rows.map((r) => ({
    programmeId: toGlobalId('Programme', r.id),
    name: r.name,
    adopted: r.adopted,
    points: r.points.map((p) => ({ months: p.months, reviewed: p.reviewed, inForce: p.in_force, missed: p.missed, index: p.reviewed ? Math.round((p.in_force / p.reviewed) * 1000) / 1000 : null })),
  }));
}

@Resolver(() => Dashboard)
export class DashboardSustainmentResolver {
  @Authorized()
  @FieldResolver(() => [CohortSustainment], { nullable: true, description: 'The sustainment index per cohort (programme). Null for owners.' })
  sustainment(@Root() dashboard: Dashboard, @Ctx() ctx: Context): Promise<CohortSustainment[] | null> {
    return cohortSustainment(ctx, dashboard.scope);
  }
}

@Resolver(() => AdoptedChange)
export class AdoptedChangeSustainmentResolver {
  @Authorized()
  @FieldResolver(() => ChangeSustainment, { nullable: true, description: 'Its reviews and measures over time (days only).' })
  async sustainment(@Root() row: AdoptedChange, @Ctx() ctx: Context): Promise<ChangeSustainment | null> {
    const id = idOf(row.changeId, 'Change');
    const change = await ctx.loaders.change.change.load(id);
    if (!change) return null;
    const [reviews, values] = await Promise.all([ctx.loaders.sustainment.reviewsByChange.load(id), ctx.loaders.sustainment.valuesByChange.load(id)]);
    return sustainmentOf(change, reviews, values, (d) => d.toISOString().slice(0, 10));
  }
}
