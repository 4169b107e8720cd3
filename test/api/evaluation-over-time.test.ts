import { apiSuite } from '../helpers/suite';
import { Api } from '../helpers/api';
import { gid } from '../helpers/factories';
import { ADD_QUESTION, answerAndClose, BANK, cohort, COMPARE, OPEN, openPhase, split } from '../helpers/evaluation';
import { Role } from '../../server/src/modules/person/membership.entity';

const t = apiSuite();

describe('the question bank', () => {
  it('starts with the standard questions; a manager adds their own, once; others cannot', async () => {
    const c = await cohort(t, 0);
    const bank = (await t.api.as(c.manager.token).ok(BANK)).questionBank;
    expect(bank).toHaveLength(6);
    expect(bank[0]).toMatchObject({ kind: 'LIKERT', prompt: 'This programme improved my ability and competence as an inclusive leader.', standard: true });
    expect(bank.every((q: any) => q.standard)).toBe(true);

    const added = await t.api.as(c.manager.token).mutation(ADD_QUESTION, { kind: 'LIKERT', prompt: '  I feel able to challenge a decision that seems unfair.  ' });
    expect(added).toEqual({ question: { id: expect.any(String), kind: 'LIKERT', prompt: 'I feel able to challenge a decision that seems unfair.', standard: false }, userErrors: [] });
    const again = await t.api.as(c.manager.token).mutation(ADD_QUESTION, { kind: 'LIKERT', prompt: 'I feel able to challenge a decision that seems unfair.' });
    expect(again.userErrors).toEqual([{ field: ['input', 'prompt'], code: 'ALREADY_EXISTS', message: 'That question is already in the bank.' }]);
    const tooShort = await t.api.as(c.manager.token).mutation(ADD_QUESTION, { kind: 'LIKERT', prompt: 'Hi' });
    expect(tooShort.userErrors.map((e: any) => e.code)).toEqual(['INVALID_INPUT']);
    const after = (await t.api.as(c.manager.token).ok(BANK)).questionBank;
    expect(after.map((q: any) => q.prompt)).toEqual([...bank.map((q: any) => q.prompt), 'I feel able to challenge a decision that seems unfair.']);

    // another organisation's manager neither sees nor extends this bank; a co-learner has no bank
    const stranger = await t.make.person({ roles: [Role.PROGRAMME_MANAGER] });
    expect((await t.api.as(stranger.token).ok(BANK)).questionBank.map((q: any) => q.prompt)).not.toContain('I feel able to challenge a decision that seems unfair.');
    expect(Api.codes(await t.api.as(stranger.token).request(BANK, { org: gid('Organisation', c.organisation.id) }))).toEqual(['NOT_FOUND']);
    const intoOther = await t.api.as(stranger.token).mutation(ADD_QUESTION, { organisationId: gid('Organisation', c.organisation.id), kind: 'TEXT', prompt: 'Sneaky?' });
    expect(intoOther.userErrors.map((e: any) => e.code)).toEqual(['NOT_FOUND']);
    const coLearner = await t.make.person({ organisation: c.organisation });
    expect(Api.codes(await t.api.as(coLearner.token).request(BANK))).toEqual(['FORBIDDEN']);
    // a bank question is a node, for its managers only
    const node = `query ($id: ID!) { node(id: $id) { ... on BankQuestion { prompt } } }`;
    expect((await t.api.as(c.manager.token).ok(node, { id: added.question.id })).node).toEqual({ prompt: added.question.prompt });
    expect((await t.api.as(stranger.token).ok(node, { id: added.question.id })).node).toBeNull();
  });
});

describe('several questionnaires per programme', () => {
  it('baseline, mid-point and closing, each once, drawn from the bank in the order chosen', async () => {
    const c = await cohort(t, 1);
    const bank = (await t.api.as(c.manager.token).ok(BANK)).questionBank;
    const own = (await t.api.as(c.manager.token).mutation(ADD_QUESTION, { kind: 'LIKERT', prompt: 'My manager asks how I am doing.' })).question;

    const baseline = await openPhase(t, c, 'BASELINE', [own.id, bank[1].id]);
    expect(baseline).toMatchObject({ phase: 'BASELINE', title: `${c.programme.name}: baseline questionnaire` });
    expect(baseline.questions).toEqual([
      { key: 'q1', kind: 'LIKERT', prompt: 'My manager asks how I am doing.', bankQuestionId: own.id },
      { key: 'q2', kind: 'LIKERT', prompt: bank[1].prompt, bankQuestionId: bank[1].id },
    ]);
    const mid = await openPhase(t, c, 'MID_POINT', [bank[1].id]);
    expect(mid.title).toBe(`${c.programme.name}: mid-point questionnaire`);
    const closing = await openPhase(t, c, 'CLOSING');
    expect(closing.questions.map((q) => q.bankQuestionId)).toEqual(bank.map((q: any) => q.id));

    const twice = await t.api.as(c.manager.token).mutation(OPEN, { programmeId: gid('Programme', c.programme.id), phase: 'BASELINE' });
    expect(twice.userErrors).toEqual([{ field: ['input', 'phase'], code: 'ALREADY_EXISTS', message: 'This programme already has its baseline questionnaire.' }]);

    const listed = await t.api.as(c.seniors[0].token).ok(`{ questionnaires { nodes { phase viewerCanRespond } } }`);
    expect(listed.questionnaires.nodes.map((q: any) => q.phase).sort()).toEqual(['BASELINE', 'CLOSING', 'MID_POINT']);
    expect(listed.questionnaires.nodes.every((q: any) => q.viewerCanRespond)).toBe(true);
  });

  it('refuses questions from another bank, repeated ones, and both ways of choosing at once, writing nothing', async () => {
    const c = await cohort(t, 1);
    const other = await cohort(t, 0);
    const foreign = (await t.api.as(other.manager.token).ok(BANK)).questionBank[0].id;
    const bank = (await t.api.as(c.manager.token).ok(BANK)).questionBank;
    const programmeId = gid('Programme', c.programme.id);
    const codes = async (input: Record<string, unknown>) => (await t.api.as(c.manager.token).mutation(OPEN, { programmeId, ...input })).userErrors;
    expect(await codes({ phase: 'BASELINE', questionIds: [bank[0].id, foreign] })).toEqual([
      { field: ['input', 'questionIds', '1'], code: 'NOT_FOUND', message: 'That question is not in your organisation’s question bank.' },
    ]);
    expect((await codes({ phase: 'BASELINE', questionIds: [bank[0].id, bank[0].id] })).map((e: any) => e.code)).toEqual(['INVALID_INPUT']);
    expect((await codes({ phase: 'BASELINE', questionIds: [bank[0].id], questions: [{ kind: 'LIKERT', prompt: 'Either or' }] })).map((e: any) => e.code)).toEqual(['INVALID_INPUT']);
    // a written question joins the bank; written as the other kind it is refused, and nothing of that attempt is kept
    expect((await codes({ phase: 'BASELINE', questions: [{ kind: 'TEXT', prompt: 'A brand new question?' }, { kind: 'TEXT', prompt: bank[0].prompt }] })).map((e: any) => e.code)).toEqual(['INVALID_INPUT']);
    expect((await t.api.as(c.manager.token).ok(BANK)).questionBank.map((q: any) => q.prompt)).not.toContain('A brand new question?');
    expect((await t.server.db.query(`SELECT count(*)::int AS n FROM questionnaire WHERE programme_id = $1`, [c.programme.id]))[0].n).toBe(0);
    const written = await t.api.as(c.manager.token).mutation(OPEN, { programmeId, phase: 'BASELINE', questions: [{ kind: 'LIKERT', prompt: 'A brand new question?' }] });
    expect(written.userErrors).toEqual([]);
    expect((await t.api.as(c.manager.token).ok(BANK)).questionBank.find((q: any) => q.prompt === 'A brand new question?')).toMatchObject({ id: written.questionnaire.questions[0].bankQuestionId });
  });
});

describe('comparing two questionnaires', () => {
  it('per group and per question asked in both: % agreed in each and the change, earlier first', async () => {
    const c = await cohort(t, 5);
    const bank = (await t.api.as(c.manager.token).ok(BANK)).questionBank;
    const baseline = await openPhase(t, c, 'BASELINE', [bank[0].id, bank[1].id, bank[4].id]);
    const closing = await openPhase(t, c, 'CLOSING', [bank[3].id, bank[1].id, bank[0].id]);
    await answerAndClose(t, c, baseline, [...split(c.seniors, 1), ...split(c.juniors, 2)]);
    await answerAndClose(t, c, closing, [...split(c.seniors, 4), ...split(c.juniors, 5)]);

    // asked either way round, the earlier questionnaire is `from`
    const { questionnaireComparison: result } = await t.api.as(c.manager.token).ok(COMPARE, { from: closing.id, to: baseline.id });
    expect(result).toMatchObject({ threshold: 5, note: null, from: { id: baseline.id, phase: 'BASELINE' }, to: { id: closing.id, phase: 'CLOSING' } });
    // only the LIKERT questions in both, in the later questionnaire's order; q4 of the bank was not asked at baseline
    expect(result.questions.map((q: any) => q.question.bankQuestionId)).toEqual([bank[1].id, bank[0].id]);
    expect(result.questions[0].senior).toEqual({ group: 'SENIOR', shown: true, fromRespondents: 5, toRespondents: 5, fromAgreedPercent: 20, toAgreedPercent: 80, change: 60, note: null });
    expect(result.questions[0].junior).toMatchObject({ shown: true, fromAgreedPercent: 40, toAgreedPercent: 100, change: 60 });
    expect(result.questions[0].overall).toMatchObject({ shown: true, fromRespondents: 10, toRespondents: 10, fromAgreedPercent: 30, toAgreedPercent: 90, change: 60 });
  });

  it('nothing in common, different programmes, the same one twice: clear answers', async () => {
    const c = await cohort(t, 1);
    const bank = (await t.api.as(c.manager.token).ok(BANK)).questionBank;
    const a = await openPhase(t, c, 'BASELINE', [bank[0].id]);
    const b = await openPhase(t, c, 'CLOSING', [bank[1].id]);
    const none = (await t.api.as(c.manager.token).ok(COMPARE, { from: a.id, to: b.id })).questionnaireComparison;
    expect(none).toMatchObject({ questions: [], note: 'The two questionnaires share no agreement question, so there is nothing to compare.' });
    expect(Api.codes(await t.api.as(c.manager.token).request(COMPARE, { from: a.id, to: a.id }))).toEqual(['BAD_USER_INPUT']);
    const elsewhere = await t.co.programme(c.organisation, { name: 'Another cohort' });
    const other = (await t.api.as(c.manager.token).mutation(OPEN, { programmeId: gid('Programme', elsewhere.id) })).questionnaire;
    expect(Api.codes(await t.api.as(c.manager.token).request(COMPARE, { from: a.id, to: other.id }))).toEqual(['BAD_USER_INPUT']);
  });

  it('the board report: the change from the first questionnaire to the last, for managers only', async () => {
    const c = await cohort(t, 5);
    const query = `query ($id: ID!) { programmeDashboard(programmeId: $id) { questionnaire { phase } evaluationChange { from { phase } to { phase } questions { senior { shown change } } } } }`;
    const programmeId = gid('Programme', c.programme.id);
    const baseline = await openPhase(t, c, 'BASELINE');
    expect((await t.api.as(c.manager.token).ok(query, { id: programmeId })).programmeDashboard).toEqual({ questionnaire: { phase: 'BASELINE' }, evaluationChange: null });
    const mid = await openPhase(t, c, 'MID_POINT');
    const closing = await openPhase(t, c, 'CLOSING');
    await answerAndClose(t, c, baseline, split(c.seniors, 2));
    await answerAndClose(t, c, mid, split(c.seniors, 0));
    await answerAndClose(t, c, closing, split(c.seniors, 5));
    const dashboard = (await t.api.as(c.manager.token).ok(query, { id: programmeId })).programmeDashboard;
    expect(dashboard.questionnaire).toEqual({ phase: 'CLOSING' });
    expect(dashboard.evaluationChange).toMatchObject({ from: { phase: 'BASELINE' }, to: { phase: 'CLOSING' } });
    expect(dashboard.evaluationChange.questions).toHaveLength(4);
    expect(dashboard.evaluationChange.questions[0].senior).toEqual({ shown: true, change: 60 });
    const owner = await t.make.person({ organisation: c.organisation, roles: [Role.OWNER] });
    expect((await t.api.as(owner.token).ok(query, { id: programmeId })).programmeDashboard.evaluationChange).toBeNull();
  });
});
