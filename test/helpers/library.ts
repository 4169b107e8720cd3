import type { DataSource } from 'typeorm';
import { AffectedGroup, Attribution, BarrierCategory, BarrierEntity, type Evidence, EvidenceKind } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeEntity, ChangeStatus, DecisionEntity, DecisionOutcome, type SuccessMeasure } from '../../server/src/modules/change/change.entity';
import type { OrganisationEntity } from '../../server/src/modules/organisation/organisation.entity';
import { ContractVersionEntity, PairEntity, PairStatus } from '../../server/src/modules/pair/pair.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { Cadence, ProgrammeEntity, ProgrammeStatus } from '../../server/src/modules/programme/programme.entity';
import { Api } from './api';
import { factories, gid, type TestPerson } from './factories';
import { startTestServer, type TestServer } from './server';

/** Fixtures for the library's tests: co-learning rows written straight through TypeORM, and the case flow through the API. */
export const CASE_FIELDS = `id title summary whatChanged outcomeSummary sector category affectedGroups tags outcome status
  organisationName endorsementCount viewerHasEndorsed adaptationCount openRedactionCount
  measures { metric unit baseline target current }
  redactions { id kind found status proposedReplacement appliedReplacement field context }
  consents { senior junior complete }
  viewerCanEdit viewerCanConsent viewerCanApprove viewerCanUnpublish viewerCanEndorse viewerCanAdapt`;

export const REQUEST = `mutation ($input: RequestCasePublicationInput!) { requestCasePublication(input: $input) { sharedCase { ${CASE_FIELDS} } userErrors { field message code } } }`;
export const RESOLVE = `mutation ($input: ResolveRedactionInput!) { resolveRedaction(input: $input) { sharedCase { ${CASE_FIELDS} } redaction { id status appliedReplacement } userErrors { field message code } } }`;
export const EDIT = `mutation ($input: EditSharedCaseInput!) { editSharedCase(input: $input) { sharedCase { ${CASE_FIELDS} } userErrors { field message code } } }`;
export const CONSENT = `mutation ($input: ConsentToCaseInput!) { consentToCase(input: $input) { sharedCase { ${CASE_FIELDS} } userErrors { field message code } } }`;
export const APPROVE = `mutation ($input: ApproveCasePublicationInput!) { approveCasePublication(input: $input) { sharedCase { ${CASE_FIELDS} } userErrors { field message code } } }`;
export const UNPUBLISH = `mutation ($input: UnpublishCaseInput!) { unpublishCase(input: $input) { sharedCase { id status } userErrors { field message code } } }`;
export const ENDORSE = `mutation ($input: EndorseCaseInput!) { endorseCase(input: $input) { sharedCase { id endorsementCount viewerHasEndorsed viewerCanEndorse } userErrors { field message code } } }`;
export const ADAPT = `mutation ($input: AdaptCaseInput!) { adaptCase(input: $input) {
  sharedCase { id adaptationCount } adaptation { id shareProgress organisationName changeStatus progress barrier { id } change { id } } barrier { id title } change { id status }
  userErrors { field message code } } }`;
export const CASE = `query ($id: ID!) { node(id: $id) { ... on SharedCase { ${CASE_FIELDS} } } }`;

export interface Team {
  organisation: OrganisationEntity;
  senior: TestPerson;
  junior: TestPerson;
  manager: TestPerson;
  owner: TestPerson;
  member: TestPerson;
  programme: ProgrammeEntity;
  pair: PairEntity;
}

export interface ChangeSpec {
  title?: string;
  whatChanges?: string;
  expectedImpact?: string;
  status?: ChangeStatus;
  progress?: number;
  successMeasures?: SuccessMeasure[];
  rationale?: string;
}

export function libraryFixtures(db: DataSource) {
  const make = factories(db);
  const f = {
    make,

    /** An organisation with a programme, a pair of co-learners, a programme manager, an owner and a community member. */
    async team(options: { organisation?: OrganisationEntity; names?: [string, string]; ownerTitle?: string } = {}): Promise<Team> {
      const organisation = options.organisation ?? (await make.organisation());
      const [seniorName, juniorName] = options.names ?? ['Sam Okonkwo', 'Jo Bright'];
      const senior = await make.person({ organisation, roles: [Role.CO_LEARNER, Role.COMMUNITY_MEMBER], name: seniorName, jobTitle: 'Clinical Director' });
      const junior = await make.person({ organisation, roles: [Role.CO_LEARNER, Role.COMMUNITY_MEMBER], name: juniorName, jobTitle: 'Staff Nurse' });
      const manager = await make.person({ organisation, roles: [Role.PROGRAMME_MANAGER, Role.COMMUNITY_MEMBER], name: 'Pat Morgan', jobTitle: 'Inclusion Lead' });
      const owner = await make.person({ organisation, roles: [Role.OWNER], name: 'Olu Adeyemi', jobTitle: options.ownerTitle ?? 'Director of People' });
      const member = await make.person({ organisation, roles: [Role.COMMUNITY_MEMBER], name: 'Casey Lind', jobTitle: 'Equality Officer' });
      const programme = await db.getRepository(ProgrammeEntity).save({
        organisationId: organisation.id,
        name: 'Reciprocal Mentoring 2025',
        startsOn: '2025-01-01',
        endsOn: '2025-12-31',
        sessionCadence: Cadence.MONTHLY,
        status: ProgrammeStatus.ACTIVE,
      });
      const pair = await db.getRepository(PairEntity).save({
        programmeId: programme.id,
        organisationId: organisation.id,
        seniorId: senior.person.id,
        juniorId: junior.person.id,
        status: PairStatus.ACTIVE,
      });
      await db.getRepository(ContractVersionEntity).save({
        pairId: pair.id,
        version: 1,
        focusTopics: ['Shortlisting panels', 'Flexible working'],
        cadence: Cadence.MONTHLY,
        groundRules: 'Honest, kind, confidential.',
        confidentiality: 'What is said stays with us.',
        proposedById: senior.person.id,
        seniorAgreedAt: new Date(),
        juniorAgreedAt: new Date(),
      });
      return { organisation, senior, junior, manager, owner, member, programme, pair };
    },

    /** A barrier of the team's pair with changes in the given states (one adopted change by default). */
    async barrier(
      team: Team,
      options: { title?: string; description?: string; category?: BarrierCategory; affectedGroups?: AffectedGroup[]; evidence?: Evidence[]; changes?: ChangeSpec[] } = {},
    ): Promise<{ barrier: BarrierEntity; changes: ChangeEntity[] }> {
      const barrier = await db.getRepository(BarrierEntity).save({
        organisationId: team.organisation.id,
        pairId: team.pair.id,
        raisedById: team.junior.person.id,
        title: options.title ?? 'Shortlisting panels screen out candidates from minority ethnic backgrounds',
        description:
          options.description ??
          'Shortlisting for Band 6 nursing roles is done by a single manager, with no structured criteria, and candidates from minority ethnic backgrounds are shortlisted half as often as white candidates.',
        category: options.category ?? BarrierCategory.RECRUITMENT,
        affectedGroups: options.affectedGroups ?? [AffectedGroup.RACE],
        evidence: options.evidence ?? [{ kind: EvidenceKind.FIGURE, text: 'Shortlisting rate, minority ethnic applicants', value: 18, unit: '%' }],
        attribution: Attribution.NAMED,
      });
      const changes: ChangeEntity[] = [];
      for (const spec of options.changes ?? [{}]) {
        const status = spec.status ?? ChangeStatus.ADOPTED;
        const change = await db.getRepository(ChangeEntity).save({
          organisationId: team.organisation.id,
          barrierId: barrier.id,
          pairId: team.pair.id,
          proposedById: team.senior.person.id,
          ownerId: team.owner.person.id,
          title: spec.title ?? 'Structured, anonymised shortlisting by a diverse panel',
          whatChanges: spec.whatChanges ?? 'Every Band 5 to 7 vacancy is shortlisted by a panel of three, one from outside the ward, scoring anonymised applications against published criteria.',
          expectedImpact: spec.expectedImpact ?? 'Shortlisting rates for minority ethnic applicants match those of white applicants within a year.',
          targetDate: '2025-12-31',
          status,
          progress: spec.progress ?? (status === ChangeStatus.ADOPTED ? 100 : 0),
          successMeasures: spec.successMeasures ?? [{ metric: 'Shortlisting rate, minority ethnic applicants', unit: '%', baseline: 18, target: 35, current: 33 }],
          adoptionEvidence:
            status === ChangeStatus.ADOPTED
              ? { policyOrProcess: 'Recruitment and Selection Policy v4', effectiveFrom: '2025-04-01', summary: 'Shortlisting rates rose from 18% to 33% in six months.' }
              : null,
        });
        if (spec.rationale) {
          await db.getRepository(DecisionEntity).save({ changeId: change.id, deciderId: team.owner.person.id, outcome: DecisionOutcome.APPROVE, rationale: spec.rationale });
        }
        changes.push(change);
      }
      return { barrier, changes };
    },

    /** Requests a case as the junior co-learner; returns the payload's case. */
    async requestCase(api: Api, team: Team, barrier: BarrierEntity, extra: Record<string, unknown> = {}) {
      const payload = await api.as(team.junior.token).mutation(REQUEST, { barrierId: gid('Barrier', barrier.id), ...extra });
      expect(payload.userErrors).toEqual([]);
      return payload.sharedCase;
    },

    /** Takes a case all the way: every flag accepted, both consents, approval. */
    async publishCase(api: Api, team: Team, barrier: BarrierEntity, options: { showOrganisationName?: boolean; tags?: string[] } = {}) {
      let sharedCase = await f.requestCase(api, team, barrier, options.tags ? { tags: options.tags } : {});
      for (;;) {
        const open = sharedCase.redactions.find((r: { status: string }) => r.status === 'OPEN');
        if (!open) break;
        const payload = await api.as(team.senior.token).mutation(RESOLVE, { redactionId: open.id, action: 'ACCEPT' });
        expect(payload.userErrors).toEqual([]);
        sharedCase = payload.sharedCase;
      }
      for (const person of [team.senior, team.junior]) {
        expect((await api.as(person.token).mutation(CONSENT, { caseId: sharedCase.id })).userErrors).toEqual([]);
      }
      const approved = await api.as(team.manager.token).mutation(APPROVE, { caseId: sharedCase.id, showOrganisationName: options.showOrganisationName ?? false });
      expect(approved.userErrors).toEqual([]);
      return approved.sharedCase;
    },
  };
  return f;
}

/** Starts the real server for a test file, with the library fixtures; read its fields inside tests. */
export function libraryTestServer() {
  const t = {} as { server: TestServer; api: Api; fx: ReturnType<typeof libraryFixtures> };
  beforeAll(async () => {
    t.server = await startTestServer();
    t.api = new Api(t.server.url);
    t.fx = libraryFixtures(t.server.db);
  });
  afterAll(() => t.server.close());
  return t;
}

export { Api, gid };
