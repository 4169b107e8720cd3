import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from '../../common/auth-checker';
import { SMALL_GROUP_NOTE } from '../../common/anonymity';
import { badInput } from '../../common/errors';
import { idOf } from '../../common/relay';
import type { Context } from '../../context';
import { AffectedGroup, BarrierCategory } from '../barrier/barrier.entity';
import { Organisation } from '../organisation/organisation.type';
import { Role } from '../person/membership.entity';
import { Person } from '../person/person.type';
import type { Viewer } from '../auth/viewer';
import { pairPolicy } from '../pair/pair.policy';
import { type FunnelRow, InsightService, type InsightScope } from './insight.service';
import {
  AdoptedChange,
  AffectedGroupCount,
  CategoryCount,
  ChangeFunnel,
  CorroboratedBarrier,
  Dashboard,
  OverdueChange,
  OverdueOwner,
  PairActivity,
  PairActivityEntry,
  ProgrammeFigures,
  StageDuration,
} from './insight.type';
import { DashboardAccess } from './insight.policy';

const MAX_ROWS = 100;

/** `first` for the dashboard's bounded lists: 1 to 100. */
function limit(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_ROWS) throw badInput(`Ask for 1 to ${MAX_ROWS} rows.`);
  return first;
}

async function person(ctx: Context, id: string): Promise<Person> {
  return Person.from((await ctx.loaders.identity.person.load(id))!);
}

/** The funnel and the stage times come from one statement, run once per dashboard. */
function funnelOf(dashboard: Dashboard, ctx: Context): Promise<FunnelRow> {
  dashboard.funnelRow ??= new InsightService(ctx).funnel(dashboard.scope);
  return dashboard.funnelRow;
}

@Resolver(() => Dashboard)
export class InsightResolver {
  @Authorized(Role.PROGRAMME_MANAGER, Role.OWNER)
  @Query(() => Dashboard, { description: 'The dashboard of one programme: programme managers of its organisation see it all, owners their own changes.' })
  async programmeDashboard(@Arg('programmeId', () => ID) programmeId: string, @Ctx() ctx: Context): Promise<Dashboard> {
    const { scope, programme } = await new InsightService(ctx).programmeScope(idOf(programmeId, 'Programme'));
    return this.dashboard(ctx, scope, programme.name);
  }

  @Authorized(Role.PROGRAMME_MANAGER, Role.OWNER)
  @Query(() => Dashboard, { description: 'The dashboard of an organisation (yours by default), all programmes together.' })
  async organisationDashboard(
    @Arg('organisationId', () => ID, { nullable: true }) organisationId: string | null,
    @Ctx() ctx: Context,
  ): Promise<Dashboard> {
    const scope = await new InsightService(ctx).organisationScope(organisationId ? idOf(organisationId, 'Organisation') : null);
    return this.dashboard(ctx, scope, null);
  }

  private async dashboard(ctx: Context, scope: InsightScope, title: string | null): Promise<Dashboard> {
    const organisation = Organisation.from((await ctx.loaders.identity.organisation.load(scope.organisationId))!);
    return Object.assign(new Dashboard(), {
      scope,
      organisation,
      title: title ?? organisation.name,
      access: scope.access,
      asOf: scope.today,
      smallGroupNote: scope.smallGroupNote ? SMALL_GROUP_NOTE : null,
    });
  }

  @Authorized()
  @FieldResolver(() => ChangeFunnel)
  async funnel(@Root() dashboard: Dashboard, @Ctx() ctx: Context): Promise<ChangeFunnel> {
    return ChangeFunnel.from(await funnelOf(dashboard, ctx), dashboard.scope.access === DashboardAccess.FULL);
  }

  @Authorized()
  @FieldResolver(() => [StageDuration], { description: 'Median days in each stage, and end to end.' })
  async timeToAdoption(@Root() dashboard: Dashboard, @Ctx() ctx: Context): Promise<StageDuration[]> {
    return StageDuration.listFrom(await funnelOf(dashboard, ctx));
  }

  @Authorized()
  @FieldResolver(() => [OverdueOwner], { description: 'Owners with overdue changes, most overdue first.' })
  async overdueByOwner(
    @Root() dashboard: Dashboard,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<OverdueOwner[]> {
    return (await new InsightService(ctx).overdueByOwner(dashboard.scope, limit(first))).map(OverdueOwner.from);
  }

  @Authorized()
  @FieldResolver(() => [OverdueChange], { description: 'Overdue changes, the longest overdue first.' })
  async overdueChanges(
    @Root() dashboard: Dashboard,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<OverdueChange[]> {
    return (await new InsightService(ctx).overdueChanges(dashboard.scope, limit(first))).map(OverdueChange.from);
  }

  @Authorized()
  @FieldResolver(() => [AdoptedChange], { description: 'Adopted changes with their evidence, latest first.' })
  async adoptedChanges(
    @Root() dashboard: Dashboard,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<AdoptedChange[]> {
    return (await new InsightService(ctx).adoptedChanges(dashboard.scope, limit(first))).map(AdoptedChange.from);
  }

  @Authorized()
  @FieldResolver(() => [CategoryCount], { nullable: true, description: 'Every category with its barrier count, zeros included. Null for owners.' })
  async barriersByCategory(@Root() dashboard: Dashboard, @Ctx() ctx: Context): Promise<CategoryCount[] | null> {
    const counts = await new InsightService(ctx).barriersByCategory(dashboard.scope);
    return counts && Object.values(BarrierCategory).map((category) => ({ category, barriers: counts.get(category) ?? 0 }));
  }

  @Authorized()
  @FieldResolver(() => [AffectedGroupCount], { nullable: true, description: 'Every affected group with its barrier count, zeros included. Null for owners.' })
  async barriersByAffectedGroup(@Root() dashboard: Dashboard, @Ctx() ctx: Context): Promise<AffectedGroupCount[] | null> {
    const counts = await new InsightService(ctx).barriersByAffectedGroup(dashboard.scope);
    return counts && Object.values(AffectedGroup).map((group) => ({ group, barriers: counts.get(group) ?? 0 }));
  }

  @Authorized()
  @FieldResolver(() => [CorroboratedBarrier], { nullable: true, description: 'The most corroborated barriers: the systemic ones. Null for owners.' })
  async mostCorroboratedBarriers(
    @Root() dashboard: Dashboard,
    @Arg('first', () => Int, { defaultValue: 5 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<CorroboratedBarrier[] | null> {
    const rows = await new InsightService(ctx).mostCorroborated(dashboard.scope, limit(first));
    return rows && rows.map(CorroboratedBarrier.from);
  }

  @Authorized()
  @FieldResolver(() => PairActivity, { nullable: true, description: 'Sessions per pair against the cadence. Null for owners.' })
  async pairActivity(@Root() dashboard: Dashboard, @Ctx() ctx: Context): Promise<PairActivity | null> {
    const rows = await new InsightService(ctx).pairActivity(dashboard.scope);
    return rows && PairActivity.from(rows);
  }

  @Authorized()
  @FieldResolver(() => [ProgrammeFigures], { nullable: true, description: 'Each programme in figures (just this one on a programme dashboard). Null for owners.' })
  async programmes(@Root() dashboard: Dashboard, @Ctx() ctx: Context): Promise<ProgrammeFigures[] | null> {
    const rows = await new InsightService(ctx).programmeBreakdown(dashboard.scope);
    return rows && rows.map(ProgrammeFigures.from);
  }
}

@Resolver(() => PairActivity)
export class PairActivityResolver {
  @Authorized()
  @FieldResolver(() => [PairActivityEntry], { description: 'Pairs, quiet ones first, then the longest since a session.' })
  pairs(@Root() activity: PairActivity, @Arg('first', () => Int, { defaultValue: 50 }) first: number): PairActivityEntry[] {
    return activity.all.slice(0, limit(first));
  }
}

@Resolver(() => PairActivityEntry)
export class PairActivityEntryResolver {
  @Authorized()
  @FieldResolver(() => Person)
  senior(@Root() entry: PairActivityEntry, @Ctx() ctx: Context): Promise<Person> {
    return person(ctx, entry.seniorId);
  }

  @Authorized()
  @FieldResolver(() => Person)
  junior(@Root() entry: PairActivityEntry, @Ctx() ctx: Context): Promise<Person> {
    return person(ctx, entry.juniorId);
  }

  @Authorized()
  @FieldResolver(() => Date, { nullable: true, description: 'When a programme manager last nudged the pair; for its programme managers.' })
  async lastNudgedAt(@Root() entry: PairActivityEntry, @Ctx() ctx: Context): Promise<Date | null> {
    const pair = await ctx.loaders.pair.pair.load(idOf(entry.pairId, 'Pair'));
    return pair && pairPolicy.canManage(ctx.viewer as Viewer, pair) ? ctx.loaders.pair.lastNudgedAt.load(pair.id) : null;
  }
}

@Resolver(() => OverdueOwner)
export class OverdueOwnerResolver {
  @Authorized()
  @FieldResolver(() => Person)
  owner(@Root() row: OverdueOwner, @Ctx() ctx: Context): Promise<Person> {
    return person(ctx, row.ownerId);
  }
}

@Resolver(() => OverdueChange)
export class OverdueChangeResolver {
  @Authorized()
  @FieldResolver(() => Person)
  owner(@Root() row: OverdueChange, @Ctx() ctx: Context): Promise<Person> {
    return person(ctx, row.ownerId);
  }
}

@Resolver(() => AdoptedChange)
export class AdoptedChangeResolver {
  @Authorized()
  @FieldResolver(() => Person)
  owner(@Root() row: AdoptedChange, @Ctx() ctx: Context): Promise<Person> {
    return person(ctx, row.ownerId);
  }
}
