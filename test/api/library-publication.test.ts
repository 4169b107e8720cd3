import { Attribution, BarrierEntity } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { Api, APPROVE, CASE, CONSENT, EDIT, gid, libraryTestServer, REQUEST, RESOLVE, UNPUBLISH } from '../helpers/library';

const t = libraryTestServer();

const codes = (payload: { userErrors: { code: string }[] }) => payload.userErrors.map((e) => e.code);

describe('publishing a case', () => {
  it('drafts the case from the barrier, its changes and decisions, with sector, category, groups and the contract\'s topics as tags', async () => {
    const team = await t.fx.team();
    const { barrier } = await t.fx.barrier(team, {
      changes: [
        { status: ChangeStatus.ADOPTED, rationale: 'The evidence from the pilot wards is convincing.' },
        { title: 'Draft idea', status: ChangeStatus.DRAFT },
      ],
    });
    const sharedCase = await t.fx.requestCase(t.api, team, barrier, { tags: ['Shortlisting ', 'panels'] });
    expect(sharedCase).toMatchObject({
      title: barrier.title,
      sector: 'HEALTH',
      category: 'RECRUITMENT',
      affectedGroups: ['RACE'],
      outcome: 'ADOPTED',
      tags: ['shortlisting', 'panels', 'shortlisting panels'],
      measures: [{ metric: 'Shortlisting rate, minority ethnic applicants', unit: '%', baseline: 18, target: 35, current: 33 }],
    });
    expect(sharedCase.summary).toContain('Evidence:\n- Shortlisting rate, minority ethnic applicants (18 %)');
    // a case tells the month a change took effect, never the day
    expect(sharedCase.outcomeSummary).toContain('Adopted from April 2025: Recruitment and Selection Policy v4.');
    expect(sharedCase.outcomeSummary).toContain('Decision rationale: The evidence from the pilot wards is convincing.');
    expect(sharedCase.whatChanged).not.toContain('Draft idea');
  });

  it("leaves out the pair's contract topics when the barrier is anonymous, since they could point to the pair", async () => {
    const team = await t.fx.team();
    const { barrier } = await t.fx.barrier(team);
    await t.server.db.getRepository(BarrierEntity).update(barrier.id, { attribution: Attribution.ANONYMOUS });
    const sharedCase = await t.fx.requestCase(t.api, team, barrier, { tags: ['panels'] });
    expect(sharedCase.tags).toEqual(['panels']);
  });

  it('is a snapshot: later edits of the barrier do not reach the case', async () => {
    const team = await t.fx.team();
    const { barrier } = await t.fx.barrier(team);
    const sharedCase = await t.fx.requestCase(t.api, team, barrier);
    await t.server.db.getRepository(BarrierEntity).update(barrier.id, { description: 'Rewritten later with a secret.' });
    const { node } = await t.api.as(team.junior.token).ok(CASE, { id: sharedCase.id });
    expect(node.summary).not.toContain('secret');
  });

  it('is started only by a co-learner of the barrier\'s pair, once per barrier, and only with a change beyond draft', async () => {
    const team = await t.fx.team();
    const { barrier } = await t.fx.barrier(team);
    for (const person of [team.manager, team.member]) {
      expect(Api.codes(await t.api.as(person.token).request(REQUEST, { input: { barrierId: gid('Barrier', barrier.id) } }))).toEqual(['FORBIDDEN']);
    }
    const outsider = await t.fx.team();
    expect(Api.codes(await t.api.as(outsider.junior.token).request(REQUEST, { input: { barrierId: gid('Barrier', barrier.id) } }))).toEqual(['NOT_FOUND']);
    await t.fx.requestCase(t.api, team, barrier);
    expect(codes(await t.api.as(team.senior.token).mutation(REQUEST, { barrierId: gid('Barrier', barrier.id) }))).toEqual(['ALREADY_EXISTS']);
    const { barrier: early } = await t.fx.barrier(team, { changes: [{ status: ChangeStatus.DRAFT }] });
    expect(codes(await t.api.as(team.senior.token).mutation(REQUEST, { barrierId: gid('Barrier', early.id) }))).toEqual(['INVALID_TRANSITION']);
  });

  it('needs both co-learners\' consent and then a programme manager\'s approval', async () => {
    const team = await t.fx.team();
    const { barrier } = await t.fx.barrier(team, { description: 'Shortlisting is done by one manager with no criteria, and it shows in the figures.' });
    let sharedCase = await t.fx.requestCase(t.api, team, barrier);
    for (const flag of sharedCase.redactions) {
      sharedCase = (await t.api.as(team.junior.token).mutation(RESOLVE, { redactionId: flag.id, action: 'ACCEPT' })).sharedCase;
    }
    expect(sharedCase.status).toBe('AWAITING_CONSENT');
    expect(codes(await t.api.as(team.manager.token).mutation(APPROVE, { caseId: sharedCase.id }))).toEqual(['CONSENT_MISSING']);
    expect(Api.codes(await t.api.as(team.manager.token).request(CONSENT, { input: { caseId: sharedCase.id } }))).toEqual(['FORBIDDEN']);

    sharedCase = (await t.api.as(team.senior.token).mutation(CONSENT, { caseId: sharedCase.id })).sharedCase;
    expect(sharedCase).toMatchObject({ status: 'AWAITING_CONSENT', consents: { senior: true, junior: false, complete: false } });
    sharedCase = (await t.api.as(team.junior.token).mutation(CONSENT, { caseId: sharedCase.id })).sharedCase;
    expect(sharedCase).toMatchObject({ status: 'AWAITING_APPROVAL', consents: { complete: true } });

    expect(Api.codes(await t.api.as(team.senior.token).request(APPROVE, { input: { caseId: sharedCase.id } }))).toEqual(['FORBIDDEN']);
    const { sharedCase: manager } = await t.api.as(team.manager.token).ok(CASE, { id: sharedCase.id }).then((d) => ({ sharedCase: d.node }));
    expect(manager.viewerCanApprove).toBe(true);
    const approved = await t.api.as(team.manager.token).mutation(APPROVE, { caseId: sharedCase.id });
    expect(approved.userErrors).toEqual([]);
    expect(approved.sharedCase).toMatchObject({ status: 'PUBLISHED', organisationName: null, sector: 'HEALTH', viewerCanUnpublish: true });
  });

  it('asks both co-learners again when the text changes after they consented', async () => {
    const team = await t.fx.team();
    const { barrier } = await t.fx.barrier(team, { description: 'Shortlisting is done with no criteria, and the figures show the gap clearly.' });
    const sharedCase = await t.fx.requestCase(t.api, team, barrier);
    await t.api.as(team.senior.token).mutation(CONSENT, { caseId: sharedCase.id });
    await t.api.as(team.junior.token).mutation(CONSENT, { caseId: sharedCase.id });
    const edited = await t.api.as(team.junior.token).mutation(EDIT, { caseId: sharedCase.id, outcomeSummary: 'Shortlisting rates rose from 18% to 33%.' });
    expect(edited.sharedCase).toMatchObject({ status: 'AWAITING_CONSENT', consents: { senior: false, junior: false } });
  });

  it('names the organisation only when the manager chooses to; a manager can unpublish, and withdrawn consent takes it down', async () => {
    const team = await t.fx.team();
    const { barrier } = await t.fx.barrier(team);
    const named = await t.fx.publishCase(t.api, team, barrier, { showOrganisationName: true });
    expect(named.organisationName).toBe(team.organisation.name);

    const unpublished = await t.api.as(team.manager.token).mutation(UNPUBLISH, { caseId: named.id, reason: 'A colleague recognised the ward.' });
    expect(unpublished).toMatchObject({ userErrors: [], sharedCase: { status: 'UNPUBLISHED' } });
    expect(Api.codes(await t.api.as(team.junior.token).request(UNPUBLISH, { input: { caseId: named.id, reason: 'Because.' } }))).toEqual(['FORBIDDEN']);

    const again = await t.api.as(team.manager.token).mutation(APPROVE, { caseId: named.id });
    expect(again.sharedCase.status).toBe('PUBLISHED');
    const withdrawn = await t.api.as(team.senior.token).mutation(CONSENT, { caseId: named.id, consent: false });
    expect(withdrawn.sharedCase).toMatchObject({ status: 'UNPUBLISHED', consents: { senior: false, junior: true } });
    expect(codes(await t.api.as(team.manager.token).mutation(APPROVE, { caseId: named.id }))).toEqual(['CONSENT_MISSING']);
  });
});
