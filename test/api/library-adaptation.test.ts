import { BarrierEntity } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeEntity, ChangeStatus } from '../../server/src/modules/change/change.entity';
import { EventEntity } from '../../server/src/modules/history/event.entity';
import { CaseAdaptationEntity } from '../../server/src/modules/library/library.entity';
import { Sector } from '../../server/src/modules/organisation/organisation.entity';
import { ADAPT, Api, CASE, gid, libraryTestServer, type Team } from '../helpers/library';

const t = libraryTestServer();

const ADAPTATIONS = `query ($id: ID!) { node(id: $id) { ... on SharedCase { adaptationCount adaptations { totalCount nodes { sector organisationName changeStatus progress barrier { id } change { id status } shareProgress viewerCanChangeSharing } } } } }`;
const SHARING = `mutation ($input: SetAdaptationSharingInput!) { setAdaptationSharing(input: $input) { adaptation { shareProgress } userErrors { code } } }`;

async function publishedCase() {
  const source = await t.fx.team({ organisation: await t.fx.make.organisation({ sector: Sector.HEALTH }) });
  const { barrier } = await t.fx.barrier(source, { changes: [{ rationale: 'The pilot showed it works without slowing hiring.' }] });
  return { source, sharedCase: await t.fx.publishCase(t.api, source, barrier) };
}

const adaptInput = (caseId: string, adopter: Team, extra: Record<string, unknown> = {}) => ({
  caseId,
  pairId: gid('Pair', adopter.pair.id),
  ownerId: gid('Person', adopter.owner.person.id),
  expectedImpact: 'Shortlisting rates equal across ethnic groups in our housing service within two years.',
  ...extra,
});

describe('adaptCase', () => {
  it('creates a barrier and a DRAFT change in the adopter\'s organisation for the chosen pair, linked back to the case', async () => {
    const { sharedCase } = await publishedCase();
    const adopter = await t.fx.team({ organisation: await t.fx.make.organisation({ sector: Sector.LOCAL_GOVERNMENT }) });
    const payload = await t.api.as(adopter.member.token).mutation(ADAPT, adaptInput(sharedCase.id, adopter, { targetDate: '2026-06-30', shareProgress: true }));
    expect(payload.userErrors).toEqual([]);
    expect(payload.sharedCase.adaptationCount).toBe(1);

    const link = await t.server.db.getRepository(CaseAdaptationEntity).findOneByOrFail({ id: Buffer.from(payload.adaptation.id, 'base64url').toString().split(':')[1] });
    const barrier = await t.server.db.getRepository(BarrierEntity).findOneByOrFail({ id: link.barrierId });
    const change = await t.server.db.getRepository(ChangeEntity).findOneByOrFail({ id: link.changeId });
    expect(link).toMatchObject({ organisationId: adopter.organisation.id, pairId: adopter.pair.id, shareProgress: true });
    expect(barrier).toMatchObject({
      organisationId: adopter.organisation.id,
      pairId: adopter.pair.id,
      // the adapter raised it, not the pair that will take it forward (and never the source's pair)
      raisedById: adopter.member.person.id,
      title: sharedCase.title,
      category: 'RECRUITMENT',
      affectedGroups: ['RACE'],
    });
    expect(barrier.description).toContain(sharedCase.summary);
    // the source's measures come over as reference figures, labelled as the case's, before and after
    expect(barrier.evidence).toEqual([
      { kind: 'FIGURE', text: 'Reference from the library case: Shortlisting rate, minority ethnic applicants, before their change', value: 18, unit: '%' },
      { kind: 'FIGURE', text: 'Reference from the library case: Shortlisting rate, minority ethnic applicants, after their change', value: 33, unit: '%' },
    ]);
    expect(change).toMatchObject({
      organisationId: adopter.organisation.id,
      barrierId: barrier.id,
      pairId: adopter.pair.id,
      ownerId: adopter.owner.person.id,
      proposedById: adopter.member.person.id,
      status: ChangeStatus.DRAFT,
      targetDate: '2026-06-30',
      whatChanges: sharedCase.whatChanged,
      // the adapter's own words; the case's outcome is not copied in
      expectedImpact: 'Shortlisting rates equal across ethnic groups in our housing service within two years.',
      title: 'Act on: shortlisting panels screen out candidates from minority ethnic backgrounds',
    });
    expect(change.expectedImpact).not.toContain(sharedCase.outcomeSummary);
    // the adopter sets their own baselines and targets; the case's figures are not theirs
    expect(change.successMeasures).toEqual([]);
    const events = await t.server.db.getRepository(EventEntity).findBy({ barrierId: barrier.id });
    expect(events.map((e) => e.kind).sort()).toEqual(['BARRIER_RAISED', 'CHANGE_PROPOSED']);
    expect(payload.barrier).toEqual({ id: gid('Barrier', barrier.id), title: sharedCase.title });
    expect(payload.change).toEqual({ id: gid('Change', change.id), status: 'DRAFT' });
    const BARRIER = `query ($id: ID!) { node(id: $id) { ... on Barrier { adaptedFrom { id } sharedCase { id } adaptedBy { id displayName } } } }`;
    expect((await t.api.as(adopter.member.token).ok(BARRIER, { id: payload.barrier.id })).node).toEqual({
      adaptedFrom: { id: sharedCase.id },
      sharedCase: null,
      adaptedBy: { id: gid('Person', adopter.member.person.id), displayName: adopter.member.person.displayName },
    });
    // beside the change, the case's outcome (with the decision's rationale) and its figures, as reference
    const CHANGE = `query ($id: ID!) { node(id: $id) { ... on Change { expectedImpact adaptedFrom { id outcomeSummary measures { metric baseline current } } } } }`;
    const reference = (await t.api.as(adopter.senior.token).ok(CHANGE, { id: payload.change.id })).node;
    expect(reference.adaptedFrom).toEqual({
      id: sharedCase.id,
      outcomeSummary: sharedCase.outcomeSummary,
      measures: [{ metric: 'Shortlisting rate, minority ethnic applicants', baseline: 18, current: 33 }],
    });
    expect(reference.adaptedFrom.outcomeSummary).toContain('Decision rationale: The pilot showed it works without slowing hiring.');
    expect(reference.expectedImpact).not.toContain('Decision rationale');
  });

  it('asks the adapter for the expected impact in their own words, and writes nothing without it', async () => {
    const { sharedCase } = await publishedCase();
    const adopter = await t.fx.team();
    const { expectedImpact: _omitted, ...withoutImpact } = adaptInput(sharedCase.id, adopter);
    expect(Api.codes(await t.api.as(adopter.member.token).request(ADAPT, { input: withoutImpact }))).toEqual(['BAD_USER_INPUT']);
    const tooShort = await t.api.as(adopter.member.token).mutation(ADAPT, adaptInput(sharedCase.id, adopter, { expectedImpact: 'Better' }));
    expect(tooShort.userErrors).toEqual([
      { field: ['input', 'expectedImpact'], code: 'INVALID_INPUT', message: 'Describe the expected impact in your organisation in at least 10 characters.' },
    ]);
    const named = await t.api.as(adopter.member.token).mutation(ADAPT, adaptInput(sharedCase.id, adopter, { changeTitle: 'Anonymised shortlisting for housing roles' }));
    expect(named.change).toEqual({ id: expect.any(String), status: 'DRAFT' });
    const change = await t.server.db.getRepository(ChangeEntity).findOneByOrFail({ organisationId: adopter.organisation.id });
    expect(change.title).toBe('Anonymised shortlisting for housing roles');
    expect(await t.server.db.getRepository(BarrierEntity).countBy({ organisationId: adopter.organisation.id })).toBe(1);
  });

  it('writes nothing in the case\'s own organisation or anyone else\'s, and refuses pairs and owners from elsewhere', async () => {
    const { source, sharedCase } = await publishedCase();
    const adopter = await t.fx.team();
    const bystander = await t.fx.team();
    const before = await t.server.db.getRepository(BarrierEntity).countBy({ organisationId: source.organisation.id });

    const ownOrganisation = await t.api.as(source.member.token).mutation(ADAPT, adaptInput(sharedCase.id, source));
    expect(ownOrganisation.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_INPUT']);
    expect(Api.codes(await t.api.as(adopter.member.token).request(ADAPT, { input: adaptInput(sharedCase.id, bystander) }))).toEqual(['NOT_FOUND']);
    const foreignOwner = await t.api.as(adopter.member.token).mutation(ADAPT, { ...adaptInput(sharedCase.id, adopter), ownerId: gid('Person', bystander.owner.person.id) });
    expect(foreignOwner.userErrors).toEqual([{ field: ['input', 'ownerId'], code: 'INVALID_INPUT', message: 'Choose an owner who holds the OWNER role in your organisation.' }]);
    const notAnOwner = await t.api.as(adopter.member.token).mutation(ADAPT, { ...adaptInput(sharedCase.id, adopter), ownerId: gid('Person', adopter.member.person.id) });
    expect(notAnOwner.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_INPUT']);

    expect(await t.server.db.getRepository(BarrierEntity).countBy({ organisationId: source.organisation.id })).toBe(before);
    expect(await t.server.db.getRepository(BarrierEntity).countBy({ organisationId: bystander.organisation.id })).toBe(0);
    expect(await t.server.db.getRepository(BarrierEntity).countBy({ organisationId: adopter.organisation.id })).toBe(0);

    expect((await t.api.as(adopter.member.token).mutation(ADAPT, adaptInput(sharedCase.id, adopter))).userErrors).toEqual([]);
    const twice = await t.api.as(adopter.member.token).mutation(ADAPT, adaptInput(sharedCase.id, adopter));
    expect(twice.userErrors.map((e: { code: string }) => e.code)).toEqual(['ALREADY_EXISTS']);
  });

  it('counts organisations, and shows how far each adaptation got only where that organisation consents', async () => {
    const { source, sharedCase } = await publishedCase();
    const sharing = await t.fx.team({ organisation: await t.fx.make.organisation({ sector: Sector.LOCAL_GOVERNMENT }) });
    const private_ = await t.fx.team({ organisation: await t.fx.make.organisation({ sector: Sector.FINANCE }) });
    const shared = await t.api.as(sharing.member.token).mutation(ADAPT, adaptInput(sharedCase.id, sharing, { shareProgress: true }));
    await t.api.as(private_.member.token).mutation(ADAPT, adaptInput(sharedCase.id, private_));
    await t.server.db.getRepository(ChangeEntity).update({ organisationId: sharing.organisation.id }, { status: ChangeStatus.IN_PROGRESS, progress: 40 });

    const { node } = await t.api.as(source.member.token).ok(ADAPTATIONS, { id: sharedCase.id });
    expect(node.adaptationCount).toBe(2);
    const bySector = Object.fromEntries(node.adaptations.nodes.map((a: { sector: string }) => [a.sector, a]));
    expect(bySector.LOCAL_GOVERNMENT).toMatchObject({ organisationName: sharing.organisation.name, changeStatus: 'IN_PROGRESS', progress: 40, barrier: null, change: null });
    expect(bySector.FINANCE).toMatchObject({ organisationName: null, changeStatus: null, progress: null, barrier: null, viewerCanChangeSharing: false });

    // The adopting organisation sees its own, and decides whether to share it.
    const own = await t.api.as(private_.member.token).ok(ADAPTATIONS, { id: sharedCase.id });
    const mine = own.node.adaptations.nodes.find((a: { sector: string }) => a.sector === 'FINANCE');
    expect(mine).toMatchObject({ changeStatus: 'DRAFT', viewerCanChangeSharing: true });
    expect(mine.barrier.id).toBeTruthy();
    const adaptationId = shared.adaptation.id;
    expect(Api.codes(await t.api.as(private_.member.token).request(SHARING, { input: { adaptationId, shareProgress: false } }))).toEqual(['NOT_FOUND']);
    expect((await t.api.as(sharing.member.token).mutation(SHARING, { adaptationId, shareProgress: false })).adaptation.shareProgress).toBe(false);
    const after = await t.api.as(source.member.token).ok(CASE, { id: sharedCase.id });
    expect(after.node.adaptationCount).toBe(2);
  });
});
