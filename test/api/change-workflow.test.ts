import { apiSuite } from '../helpers/suite';
import { Api } from '../helpers/api';
import { changeScenario } from '../helpers/change-setup';
import { gid } from '../helpers/factories';
import { Role } from '../../server/src/modules/person/membership.entity';
import { ChangeEntity, ChangeStatus, DecisionEntity } from '../../server/src/modules/change/change.entity';
import { EventEntity } from '../../server/src/modules/history/event.entity';

const t = apiSuite();

const FIELDS = `change { id status progress version successMeasures { metric current } adoptionEvidence { policyOrProcess effectiveFrom link }
  latestDecision { outcome rationale } history { kind fromStatus toStatus actorName outcome rationale progress note } } userErrors { field code message }`;
const M = {
  propose: `mutation ($input: ProposeChangeInput!) { proposeChange(input: $input) { ${FIELDS} } }`,
  revise: `mutation ($input: ReviseChangeInput!) { reviseChange(input: $input) { ${FIELDS} } }`,
  submit: `mutation ($input: ChangeActionInput!) { submitChange(input: $input) { ${FIELDS} } }`,
  decide: `mutation ($input: DecideChangeInput!) { decideChange(input: $input) { ${FIELDS} } }`,
  start: `mutation ($input: ChangeActionInput!) { startChange(input: $input) { ${FIELDS} } }`,
  progress: `mutation ($input: ReportChangeProgressInput!) { reportChangeProgress(input: $input) { ${FIELDS} } }`,
  adopt: `mutation ($input: AdoptChangeInput!) { adoptChange(input: $input) { ${FIELDS} } }`,
  confirm: `mutation ($input: ConfirmAdoptionInput!) { confirmAdoption(input: $input) { ${FIELDS} } }`,
  withdraw: `mutation ($input: WithdrawChangeInput!) { withdrawChange(input: $input) { ${FIELDS} } }`,
};
const evidence = { policyOrProcess: 'Recruitment policy 4.3', effectiveFrom: '2026-06-01', link: 'https://intranet.example/policy' };

describe('the change workflow, legal path', () => {
  it('goes DRAFT → SUBMITTED → APPROVED → IN_PROGRESS → ADOPTION_REQUESTED → ADOPTED with a decision, evidence, confirmation and a full history', async () => {
    const s = await changeScenario(t.make);
    const proposed = await t.api.as(s.senior.token).mutation(M.propose, {
      barrierId: s.barrierId,
      ownerId: s.owner.globalId,
      title: 'Anonymised shortlisting',
      whatChanges: 'Shortlisting panels score anonymised applications against published criteria.',
      expectedImpact: 'More part-time applicants reach interview.',
      targetDate: '2030-01-31',
      successMeasures: [{ metric: 'Part-time applicants interviewed', unit: '%', baseline: 8, target: 20 }],
    });
    expect(proposed.userErrors).toEqual([]);
    const id = proposed.change.id;
    let v = proposed.change.version;
    const step = async (token: string, mutation: string, input: Record<string, unknown>) => {
      const payload = await t.api.as(token).mutation(mutation, { changeId: id, expectedVersion: v, ...input });
      expect(payload.userErrors).toEqual([]);
      v = payload.change.version;
      return payload.change;
    };
    expect((await step(s.junior.token, M.submit, {})).status).toBe('SUBMITTED');
    const approved = await step(s.owner.token, M.decide, { outcome: 'APPROVE', rationale: 'Clear evidence and a cheap fix.' });
    expect(approved).toMatchObject({ status: 'APPROVED', latestDecision: { outcome: 'APPROVE', rationale: 'Clear evidence and a cheap fix.' } });
    expect((await step(s.senior.token, M.start, {})).status).toBe('IN_PROGRESS');
    const progressed = await step(s.owner.token, M.progress, { progress: 60, note: 'Two directorates done.', measures: [{ metric: 'part-time applicants interviewed', current: 14 }] });
    expect(progressed).toMatchObject({ progress: 60, successMeasures: [{ metric: 'Part-time applicants interviewed', current: 14 }] });
    const requested = await step(s.junior.token, M.adopt, { evidence, measures: [{ metric: 'Part-time applicants interviewed', current: 21 }] });
    expect(requested).toMatchObject({ status: 'ADOPTION_REQUESTED', progress: 100, adoptionEvidence: evidence, successMeasures: [{ current: 21 }] });
    const adopted = await step(s.owner.token, M.confirm, {});
    expect(adopted).toMatchObject({ status: 'ADOPTED', progress: 100, adoptionEvidence: evidence, successMeasures: [{ current: 21 }] });
    expect(adopted.history.map((e: { kind: string; fromStatus: string; toStatus: string }) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ['CHANGE_PROPOSED', null, 'DRAFT'],
      ['CHANGE_SUBMITTED', 'DRAFT', 'SUBMITTED'],
      ['CHANGE_DECIDED', 'SUBMITTED', 'APPROVED'],
      ['CHANGE_STARTED', 'APPROVED', 'IN_PROGRESS'],
      ['CHANGE_PROGRESS_REPORTED', 'IN_PROGRESS', 'IN_PROGRESS'],
      ['CHANGE_ADOPTION_REQUESTED', 'IN_PROGRESS', 'ADOPTION_REQUESTED'],
      ['CHANGE_ADOPTED', 'ADOPTION_REQUESTED', 'ADOPTED'],
    ]);
    expect(adopted.history[2]).toMatchObject({ actorName: 'Olu Owner', outcome: 'APPROVE', rationale: 'Clear evidence and a cheap fix.' });
    expect(adopted.history[4]).toMatchObject({ progress: 60, note: 'Two directorates done.' });

    const barrier = await t.api.as(s.senior.token).ok(`query ($id: ID!) { node(id: $id) { ... on Barrier { status history { kind } } } }`, { id: s.barrierId });
    expect(barrier.node.status).toBe('ADDRESSED');
    expect(barrier.node.history.map((e: { kind: string }) => e.kind)).toContain('BARRIER_STATUS_CHANGED');
  });

  it('REQUEST_CHANGES sends it back to DRAFT; the pair revises and resubmits; REJECT ends it', async () => {
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    const back = await t.api.as(s.owner.token).mutation(M.decide, { changeId: s.id, expectedVersion: 1, outcome: 'REQUEST_CHANGES', rationale: 'Add a measure for retention, please.' });
    expect(back.change.status).toBe('DRAFT');
    // Shown as "Sent back" with the owner's reason, not as a fresh draft.
    const SENT_BACK = `query ($id: ID!) { node(id: $id) { ... on Change { isSentBack latestDecision { rationale } } } }`;
    expect((await t.api.as(s.junior.token).ok(SENT_BACK, { id: s.id })).node).toEqual({ isSentBack: true, latestDecision: { rationale: 'Add a measure for retention, please.' } });
    const fresh = await changeScenario(t.make, ChangeStatus.DRAFT);
    expect((await t.api.as(fresh.junior.token).ok(SENT_BACK, { id: fresh.id })).node.isSentBack).toBe(false);
    const revised = await t.api.as(s.junior.token).mutation(M.revise, {
      changeId: s.id,
      successMeasures: [{ metric: 'Retention of part-time staff', unit: '%', baseline: 80, target: 90 }],
    });
    expect(revised.change).toMatchObject({ status: 'DRAFT', successMeasures: [{ metric: 'Retention of part-time staff', current: null }] });
    expect((await t.api.as(s.junior.token).mutation(M.submit, { changeId: s.id })).change.status).toBe('SUBMITTED');
    expect((await t.api.as(s.junior.token).ok(SENT_BACK, { id: s.id })).node.isSentBack).toBe(false);
    const rejected = await t.api.as(s.owner.token).mutation(M.decide, { changeId: s.id, expectedVersion: revised.change.version + 1, outcome: 'REJECT', rationale: 'Not this year: budget is committed.' });
    expect(rejected.change.status).toBe('REJECTED');
    expect(await t.server.db.getRepository(DecisionEntity).countBy({ changeId: s.change.id })).toBe(2);
  });

  it('withdraws from any state before adoption, with a reason', async () => {
    for (const status of [ChangeStatus.DRAFT, ChangeStatus.SUBMITTED, ChangeStatus.APPROVED, ChangeStatus.IN_PROGRESS, ChangeStatus.ADOPTION_REQUESTED]) {
      const s = await changeScenario(t.make, status);
      const payload = await t.api.as(s.senior.token).mutation(M.withdraw, { changeId: s.id, reason: 'Superseded by a wider policy review.' });
      expect(payload.userErrors).toEqual([]);
      expect(payload.change.status).toBe('WITHDRAWN');
      expect(payload.change.history.at(-1)).toMatchObject({ kind: 'CHANGE_WITHDRAWN', fromStatus: status, note: 'Superseded by a wider policy review.' });
    }
  });
});

describe('illegal transitions', () => {
  const actions: [string, string, 'pair' | 'owner', Record<string, unknown>][] = [
    ['submit', M.submit, 'pair', {}],
    ['revise', M.revise, 'pair', { title: 'A better title' }],
    ['approve', M.decide, 'owner', { outcome: 'APPROVE', rationale: 'Looks right to me.' }],
    ['reject', M.decide, 'owner', { outcome: 'REJECT', rationale: 'Not the right time.' }],
    ['request changes', M.decide, 'owner', { outcome: 'REQUEST_CHANGES', rationale: 'Please add measures.' }],
    ['start', M.start, 'owner', {}],
    ['report progress', M.progress, 'owner', { progress: 10, note: 'Begun.' }],
    ['adopt', M.adopt, 'owner', { evidence }],
    ['confirm adoption', M.confirm, 'owner', {}],
    ['withdraw', M.withdraw, 'pair', { reason: 'No longer needed.' }],
  ];
  const legal: Record<string, ChangeStatus[]> = {
    submit: [ChangeStatus.DRAFT],
    revise: [ChangeStatus.DRAFT],
    approve: [ChangeStatus.SUBMITTED],
    reject: [ChangeStatus.SUBMITTED],
    'request changes': [ChangeStatus.SUBMITTED],
    start: [ChangeStatus.APPROVED],
    'report progress': [ChangeStatus.IN_PROGRESS],
    adopt: [ChangeStatus.IN_PROGRESS],
    'confirm adoption': [ChangeStatus.ADOPTION_REQUESTED],
    withdraw: [ChangeStatus.DRAFT, ChangeStatus.SUBMITTED, ChangeStatus.APPROVED, ChangeStatus.IN_PROGRESS, ChangeStatus.ADOPTION_REQUESTED],
  };

  it('refuses every action from every state the workflow does not allow, with INVALID_TRANSITION and no write', async () => {
    const refused: string[] = [];
    for (const status of Object.values(ChangeStatus)) {
      const s = await changeScenario(t.make, status);
      for (const [name, mutation, actor, input] of actions) {
        if (legal[name].includes(status)) continue;
        const token = actor === 'pair' ? s.senior.token : s.owner.token;
        const payload = await t.api.as(token).mutation(mutation, { changeId: s.id, ...(name.match(/approve|reject|request/) ? { expectedVersion: 1 } : {}), ...input });
        expect([name, status, payload.change, payload.userErrors[0]?.code]).toEqual([name, status, null, 'INVALID_TRANSITION']);
        refused.push(`${name} from ${status}`);
      }
      const after = await t.server.db.getRepository(ChangeEntity).findOneByOrFail({ id: s.change.id });
      expect([after.status, after.version]).toEqual([status, 1]);
      expect(await t.server.db.getRepository(EventEntity).countBy({ changeId: s.change.id })).toBe(0);
    }
    expect(refused).toHaveLength(8 * 10 - 14);
  });

  it('explains the refusal in words', async () => {
    const s = await changeScenario(t.make, ChangeStatus.DRAFT);
    const payload = await t.api.as(s.owner.token).mutation(M.start, { changeId: s.id });
    expect(payload.userErrors[0].message).toBe('A change that is draft cannot be started; it must be approved.');
  });
});

describe('who may act', () => {
  it('only the named owner decides; only the pair submits and withdraws; owner or pair start, progress and adopt', async () => {
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    const otherOwner = await t.make.person({ organisation: s.organisation, roles: [Role.OWNER] });
    const manager = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER, Role.OWNER, Role.CO_LEARNER] });
    const decide = { changeId: s.id, expectedVersion: 1, outcome: 'APPROVE', rationale: 'I approve this change.' };
    for (const viewer of [otherOwner, manager]) {
      expect(Api.codes(await t.api.as(viewer.token).request(M.decide, { input: decide }))).toEqual(['FORBIDDEN']);
    }
    expect(Api.codes(await t.api.as(s.senior.token).request(M.decide, { input: decide }))).toEqual(['FORBIDDEN']); // co-learners have no OWNER role
    expect(Api.codes(await t.api.as(s.owner.token).request(M.withdraw, { input: { changeId: s.id, reason: 'Owner tries to withdraw.' } }))).toEqual(['FORBIDDEN']);
    expect(Api.codes(await t.api.as(manager.token).request(M.withdraw, { input: { changeId: s.id, reason: 'Manager tries to withdraw.' } }))).toEqual(['FORBIDDEN']);

    const approved = await changeScenario(t.make, ChangeStatus.APPROVED);
    const stranger = await t.make.person({ organisation: approved.organisation, roles: [Role.OWNER] });
    expect(Api.codes(await t.api.as(stranger.token).request(M.start, { input: { changeId: approved.id } }))).toEqual(['FORBIDDEN']);
    const outsider = await t.make.person({ roles: [Role.OWNER] });
    expect(Api.codes(await t.api.as(outsider.token).request(M.start, { input: { changeId: approved.id } }))).toEqual(['NOT_FOUND']);
    expect((await t.api.as(approved.junior.token).mutation(M.start, { changeId: approved.id })).change.status).toBe('IN_PROGRESS');
  });

  it('offers through viewerCan… exactly what the policy allows', async () => {
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    const Q = `query ($id: ID!) { node(id: $id) { ... on Change { viewerCanRevise viewerCanSubmit viewerCanDecide viewerCanStart viewerCanReportProgress viewerCanAdopt viewerCanWithdraw viewerCanComment } } }`;
    expect((await t.api.as(s.owner.token).ok(Q, { id: s.id })).node).toEqual({
      viewerCanRevise: false, viewerCanSubmit: false, viewerCanDecide: true, viewerCanStart: false, viewerCanReportProgress: false, viewerCanAdopt: false, viewerCanWithdraw: false, viewerCanComment: true,
    });
    expect((await t.api.as(s.senior.token).ok(Q, { id: s.id })).node).toEqual({
      viewerCanRevise: false, viewerCanSubmit: false, viewerCanDecide: false, viewerCanStart: false, viewerCanReportProgress: false, viewerCanAdopt: false, viewerCanWithdraw: true, viewerCanComment: true,
    });
  });

  it('checks proposals: an owner with the OWNER role, a future target date, a pair of the viewer', async () => {
    const s = await changeScenario(t.make);
    const base = { barrierId: s.barrierId, ownerId: s.owner.globalId, title: 'A proposal title', whatChanges: 'Something concrete changes in the policy.', expectedImpact: 'Fairer outcomes for all.', targetDate: '2030-01-01' };
    const notOwner = await t.api.as(s.senior.token).mutation(M.propose, { ...base, ownerId: s.junior.globalId });
    expect(notOwner.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'ownerId'] });
    const past = await t.api.as(s.senior.token).mutation(M.propose, { ...base, targetDate: '2020-01-01' });
    expect(past.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'targetDate'] });
    const manager = await t.make.person({ organisation: s.organisation, roles: [Role.CO_LEARNER] });
    expect(Api.codes(await t.api.as(manager.token).request(M.propose, { input: base }))).toEqual(['FORBIDDEN']);
  });
});

describe('concurrency and history', () => {
  it('two sessions of the owner deciding at once yield exactly one decision; the other gets CONFLICT', async () => {
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    const second = await t.make.signIn(s.owner.person);
    const [a, b] = await Promise.all([
      t.api.as(s.owner.token).mutation(M.decide, { changeId: s.id, expectedVersion: 1, outcome: 'APPROVE', rationale: 'Approve from the laptop.' }),
      t.api.as(second).mutation(M.decide, { changeId: s.id, expectedVersion: 1, outcome: 'REJECT', rationale: 'Reject from the phone.' }),
    ]);
    const outcomes = [a, b].map((p) => p.userErrors[0]?.code ?? p.change.status).sort();
    expect(outcomes).toEqual(['CONFLICT', outcomes.includes('APPROVED') ? 'APPROVED' : 'REJECTED'].sort());
    expect(await t.server.db.getRepository(DecisionEntity).countBy({ changeId: s.change.id })).toBe(1);
    expect(await t.server.db.getRepository(EventEntity).countBy({ changeId: s.change.id })).toBe(1);
  });

  it('refuses a stale expectedVersion with CONFLICT', async () => {
    const s = await changeScenario(t.make, ChangeStatus.APPROVED);
    await t.api.as(s.owner.token).mutation(M.start, { changeId: s.id, expectedVersion: 1 });
    const stale = await t.api.as(s.senior.token).mutation(M.withdraw, { changeId: s.id, expectedVersion: 1, reason: 'Based on what I saw.' });
    expect(stale.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'expectedVersion'] });
  });

  it('keeps history append-only, even against direct SQL', async () => {
    const s = await changeScenario(t.make, ChangeStatus.DRAFT);
    await t.api.as(s.senior.token).mutation(M.submit, { changeId: s.id });
    await expect(t.server.db.query(`UPDATE event SET kind = 'CHANGE_ADOPTED' WHERE change_id = $1`, [s.change.id])).rejects.toThrow(/append-only/);
    await expect(t.server.db.query(`DELETE FROM event WHERE change_id = $1`, [s.change.id])).rejects.toThrow(/append-only/);
    const mutations = (await t.api.as(s.senior.token).ok(`{ __schema { mutationType { fields { name } } } }`)).__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(mutations.filter((n: string) => /event|history/i.test(n))).toEqual([]);
  });
});

describe('lists and the decision queue', () => {
  it("lists what awaits the owner's decision, oldest first, marking overdue ones", async () => {
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    const older = await t.make.change(s.barrier, s.owner.person.id, { status: ChangeStatus.SUBMITTED, submittedAt: new Date(Date.now() - 20 * 86_400_000) });
    await t.make.change(s.barrier, s.owner.person.id, { status: ChangeStatus.APPROVED });
    const data = await t.api.as(s.owner.token).ok(`{ decisionQueue { totalCount nodes { id isDecisionOverdue decisionDueOn } } }`);
    expect(data.decisionQueue.totalCount).toBe(2);
    expect(data.decisionQueue.nodes.map((n: { id: string; isDecisionOverdue: boolean }) => [n.id, n.isDecisionOverdue])).toEqual([
      [gid('Change', older.id), true],
      [s.id, false],
    ]);
    expect((await t.api.as(s.senior.token).ok(`{ decisionQueue { totalCount } }`)).decisionQueue.totalCount).toBe(0);
  });

  it('filters changes by status, owner, barrier and overdue', async () => {
    const s = await changeScenario(t.make, ChangeStatus.IN_PROGRESS);
    const late = await t.make.change(s.barrier, s.owner.person.id, { status: ChangeStatus.APPROVED, targetDate: '2020-01-01' });
    await t.make.change(s.barrier, s.owner.person.id, { status: ChangeStatus.ADOPTED, targetDate: '2020-01-01' });
    const list = async (filter: string) => (await t.api.as(s.senior.token).ok(`{ changes(filter: ${filter}) { totalCount nodes { id isOverdue } } }`)).changes;
    expect((await list(`{ overdue: true }`)).nodes).toEqual([{ id: gid('Change', late.id), isOverdue: true }]);
    expect((await list(`{ status: [IN_PROGRESS, APPROVED] }`)).totalCount).toBe(2);
    expect((await list(`{ ownerId: "${s.owner.globalId}", barrierId: "${s.barrierId}" }`)).totalCount).toBe(3);
  });

  it('runs as many SQL statements for changes(first: 100) as for first: 10, with barrier, owner, pair, latest decision and comment count', async () => {
    const s = await changeScenario(t.make, ChangeStatus.APPROVED);
    for (let i = 0; i < 105; i++) await t.make.change(s.barrier, s.owner.person.id, { status: i % 2 ? ChangeStatus.APPROVED : ChangeStatus.DRAFT });
    const Q = `query ($n: Int!) { changes(first: $n) { nodes { id title barrier { title raisedBy { id } } owner { displayName } pair { id senior { displayName } } latestDecision { outcome } commentCount viewerCanStart } } }`;
    const ten = await t.api.as(s.senior.token).request(Q, { n: 10 });
    const hundred = await t.api.as(s.senior.token).request(Q, { n: 100 });
    expect(hundred.data.changes.nodes).toHaveLength(100);
    expect(hundred.extensions?.sqlStatements).toBe(ten.extensions?.sqlStatements);
    console.log(`changes(first: 10) and changes(first: 100): ${ten.extensions?.sqlStatements} SQL statements each`);
  });
});
