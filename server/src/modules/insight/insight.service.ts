import type { Context } from '../../context';
import { needsSmallGroupNote, smallGroupsOf, withheldProgrammes } from '../../common/anonymity';
import { forbidden, notFound } from '../../common/errors';
import type { Viewer } from '../auth/viewer';
import type { AffectedGroup, BarrierCategory, BarrierStatus } from '../barrier/barrier.entity';
import type { AdoptionEvidence, ChangeStatus, SuccessMeasure } from '../change/change.entity';
import type { PairStatus } from '../pair/pair.entity';
import { type Cadence, ProgrammeEntity, type ProgrammeStatus } from '../programme/programme.entity';
import { PersonEntity } from '../person/person.entity';
import { DashboardAccess, insightPolicy } from './insight.policy';
import * as sql from './insight.sql';

/** What one dashboard covers: an organisation, optionally one programme, optionally one owner's changes. */
export interface InsightScope {
  organisationId: string;
  programmeId: string | null;
  /** Set when the viewer is an owner and sees only the changes they own. */
  ownerId: string | null;
  access: DashboardAccess;
  /** The day overdue and quiet are measured against (UTC, YYYY-MM-DD). */
  today: string;
  /** Programmes whose anonymous barriers (and the changes on them) this scope's narrowed figures leave out. */
  withheld: string[];
  /** Programmes whose anonymous barriers the per-programme rows leave out (every row is a group). */
  withheldPerProgramme: string[];
  /** Whether the page says that some items are withheld in small groups: pair counts decide, never the data withheld. */
  smallGroupNote: boolean;
}

export interface FunnelRow {
  barriers_raised: number;
  barriers_with_change: number;
  barriers_with_adopted_change: number;
  proposed: number;
  submitted: number;
  approved: number;
  in_progress: number;
  adopted: number;
  rejected: number;
  withdrawn: number;
  now_draft: number;
  now_submitted: number;
  now_approved: number;
  now_in_progress: number;
  now_adoption_requested: number;
  drafting_days: number | null;
  drafting_n: number;
  deciding_days: number | null;
  deciding_n: number;
  awaiting_start_days: number | null;
  awaiting_start_n: number;
  in_progress_days: number | null;
  in_progress_n: number;
  end_to_end_days: number | null;
  end_to_end_n: number;
}

/** A person as the dashboard's SQL selects them along with the row that names them. */
export interface PersonJson {
  id: string;
  email: string;
  displayName: string;
  isPlatformAdmin: boolean;
  createdAt: string;
}

export interface OverdueOwnerRow {
  owner_id: string;
  owner: PersonJson;
  overdue: number;
  oldest_target_date: string;
  max_days_overdue: number;
}

export interface OverdueChangeRow {
  id: string;
  title: string;
  status: ChangeStatus;
  owner_id: string;
  owner: PersonJson;
  target_date: string;
  progress: number;
  days_overdue: number;
}

export interface AdoptedChangeRow {
  id: string;
  title: string;
  owner_id: string;
  owner: PersonJson;
  adopted_at: Date;
  adoption_evidence: AdoptionEvidence | null;
  success_measures: SuccessMeasure[];
  barrier_title: string;
  barrier_category: BarrierCategory;
}

export interface CorroboratedBarrierRow {
  id: string;
  title: string;
  category: BarrierCategory;
  status: BarrierStatus;
  affected_groups: AffectedGroup[];
  corroborations: number;
  divisions: number;
  changes: number;
}

export interface PairActivityRow {
  id: string;
  status: PairStatus;
  senior_id: string;
  junior_id: string;
  senior: PersonJson;
  junior: PersonJson;
  cadence: Cadence;
  sessions: number;
  last_held_on: string | null;
  days_since_last: number | null;
  expected: number | null;
  conversations: number;
  shadowing: number;
  group_sessions: number;
  quiet: boolean;
}

export interface ProgrammeBreakdownRow {
  id: string;
  name: string;
  status: ProgrammeStatus;
  starts_on: string;
  ends_on: string;
  pairs: number;
  barriers: number;
  changes: number;
  adopted: number;
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Programme insight: every figure is one SQL statement over the scope (see insight.sql.ts). */
export class InsightService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  /** The scope of an organisation's dashboard for the viewer; FORBIDDEN unless manager or owner there. */
  async organisationScope(organisationId: string | null): Promise<InsightScope> {
    const id = organisationId ?? this.viewer.homeOrganisationId;
    if (!id || !this.viewer.isMemberOf(id)) throw notFound('That organisation');
    return this.scopeFor(id, null);
  }

  /** The scope of one programme's dashboard; NOT_FOUND outside the viewer's organisations. */
  async programmeScope(programmeId: string): Promise<{ scope: InsightScope; programme: ProgrammeEntity }> {
    const programme = await this.ctx.db.getRepository(ProgrammeEntity).findOneBy({ id: programmeId });
    if (!programme || !this.viewer.isMemberOf(programme.organisationId)) throw notFound('That programme');
    return { scope: await this.scopeFor(programme.organisationId, programme.id), programme };
  }

  /** A programme's dashboard is narrowed to a group; an organisation's is the organisation-wide total. */
  private async scopeFor(organisationId: string, programmeId: string | null): Promise<InsightScope> {
    const access = insightPolicy.dashboardAccess(this.viewer, organisationId);
    if (!access) throw forbidden('Only programme managers and owners of this organisation can see its dashboard.');
    const groups = await smallGroupsOf(this.ctx.db, organisationId);
    return {
      organisationId,
      programmeId,
      ownerId: access === DashboardAccess.OWN_CHANGES ? this.viewer.personId : null,
      access,
      today: todayUtc(),
      withheld: withheldProgrammes(groups, programmeId !== null),
      withheldPerProgramme: withheldProgrammes(groups, true),
      smallGroupNote: needsSmallGroupNote(groups, programmeId),
    };
  }

  private changeParams(scope: InsightScope): unknown[] {
    return [scope.organisationId, scope.programmeId, scope.ownerId, scope.withheld];
  }

  async funnel(scope: InsightScope): Promise<FunnelRow> {
    const [row] = await this.ctx.db.query(sql.FUNNEL_SQL, this.changeParams(scope));
    return row;
  }

  /** Puts the people selected with the rows into the person loader, so naming them costs no statement. */
  private primePeople<Row>(rows: Row[], ...people: ((row: Row) => PersonJson)[]): Row[] {
    const loader = this.ctx.loaders.identity.person;
    for (const row of rows) {
      for (const personOf of people) {
        const p = personOf(row);
        loader.prime(p.id, Object.assign(new PersonEntity(), { ...p, createdAt: new Date(p.createdAt), passwordHash: null }));
      }
    }
    return rows;
  }

  async overdueByOwner(scope: InsightScope, limit: number): Promise<OverdueOwnerRow[]> {
    const rows: OverdueOwnerRow[] = await this.ctx.db.query(sql.OVERDUE_BY_OWNER_SQL, [...this.changeParams(scope), scope.today, limit]);
    return this.primePeople(rows, (r) => r.owner);
  }

  async overdueChanges(scope: InsightScope, limit: number): Promise<OverdueChangeRow[]> {
    const rows: OverdueChangeRow[] = await this.ctx.db.query(sql.OVERDUE_CHANGES_SQL, [...this.changeParams(scope), scope.today, limit]);
    return this.primePeople(rows, (r) => r.owner);
  }

  async adoptedChanges(scope: InsightScope, limit: number): Promise<AdoptedChangeRow[]> {
    const rows: AdoptedChangeRow[] = await this.ctx.db.query(sql.ADOPTED_CHANGES_SQL, [...this.changeParams(scope), limit]);
    return this.primePeople(rows, (r) => r.owner);
  }

  /** Barrier and pair figures are the manager's view; an owner gets null. */
  private full(scope: InsightScope): boolean {
    return scope.access === DashboardAccess.FULL;
  }

  async barriersByCategory(scope: InsightScope): Promise<Map<BarrierCategory, number> | null> {
    if (!this.full(scope)) return null;
    const rows: { category: BarrierCategory; barriers: number }[] = await this.ctx.db.query(sql.BARRIERS_BY_CATEGORY_SQL, [scope.organisationId, scope.programmeId, scope.withheld]);
    return new Map(rows.map((r) => [r.category, r.barriers]));
  }

  async barriersByAffectedGroup(scope: InsightScope): Promise<Map<AffectedGroup, number> | null> {
    if (!this.full(scope)) return null;
    const rows: { affected_group: AffectedGroup; barriers: number }[] = await this.ctx.db.query(sql.BARRIERS_BY_GROUP_SQL, [scope.organisationId, scope.programmeId, scope.withheld]);
    return new Map(rows.map((r) => [r.affected_group, r.barriers]));
  }

  async mostCorroborated(scope: InsightScope, limit: number): Promise<CorroboratedBarrierRow[] | null> {
    if (!this.full(scope)) return null;
    return this.ctx.db.query(sql.MOST_CORROBORATED_SQL, [scope.organisationId, scope.programmeId, scope.withheld, limit]);
  }

  async pairActivity(scope: InsightScope): Promise<PairActivityRow[] | null> {
    if (!this.full(scope)) return null;
    const rows: PairActivityRow[] = await this.ctx.db.query(sql.PAIR_ACTIVITY_SQL, [scope.organisationId, scope.programmeId, scope.today]);
    return this.primePeople(rows, (r) => r.senior, (r) => r.junior);
  }

  async programmeBreakdown(scope: InsightScope): Promise<ProgrammeBreakdownRow[] | null> {
    if (!this.full(scope)) return null;
    return this.ctx.db.query(sql.PROGRAMME_BREAKDOWN_SQL, [scope.organisationId, scope.programmeId, scope.withheldPerProgramme]);
  }
}
