import { apiSuite } from '../helpers/suite';
import { Api } from '../helpers/api';
import { gid, type TestPerson } from '../helpers/factories';
import type { OrganisationEntity } from '../../server/src/modules/organisation/organisation.entity';
import { PairStatus } from '../../server/src/modules/pair/pair.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import type { ProgrammeEntity } from '../../server/src/modules/programme/programme.entity';

const t = apiSuite();

const OPEN = `mutation ($input: OpenQuestionnaireInput!) { openQuestionnaire(input: $input) {
  questionnaire { id title status questions { key kind prompt } programmeName } userErrors { field code message } } }`;
const CLOSE = `mutation ($input: CloseQuestionnaireInput!) { closeQuestionnaire(input: $input) { questionnaire { status closedAt } userErrors { code } } }`;
const SUBMIT = `mutation ($input: SubmitQuestionnaireResponseInput!) { submitQuestionnaireResponse(input: $input) {
  questionnaire { id viewerHasResponded viewerCanRespond } userErrors { field code message } } }`;
const RESULTS = `query ($id: ID!) { questionnaireResults(questionnaireId: $id) {
  threshold eligibleCount respondentCount
  questions { question { key kind }
    overall { group shown respondents agreedPercent distribution answers note }
    senior { group shown respondents agreedPercent distribution answers note }
    junior { group shown respondents agreedPercent distribution answers note } } } }`;

/** A programme with `pairs` active pairs, and its manager. */
async function programmeWith(pairs: number) {
  const organisation: OrganisationEntity = await t.make.organisation();
  const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER], name: 'Pat Manager' });
  const programme: ProgrammeEntity = await t.co.programme(organisation, { name: 'Cohort 2026' });
  const seniors: TestPerson[] = [];
  const juniors: TestPerson[] = [];
  for (let i = 0; i < pairs; i++) {
    const senior = await t.make.person({ organisation, name: `Senior ${i}` });
    const junior = await t.make.person({ organisation, name: `Junior ${i}` });
    await t.co.pair(programme, senior.person, junior.person);
    seniors.push(senior);
    juniors.push(junior);
  }
  const opened = await t.api.as(manager.token).mutation(OPEN, { programmeId: gid('Programme', programme.id), questions: [
    { kind: 'LIKERT', prompt: 'This programme improved my ability and competence as an inclusive leader.' },
    { kind: 'TEXT', prompt: 'What should we change?' },
  ] });
  expect(opened.userErrors).toEqual([]);
  return { organisation, manager, programme, seniors, juniors, questionnaireId: opened.questionnaire.id as string };
}

const answer = (questionnaireId: string, likert: string, text?: string) => ({
  questionnaireId,
  answers: [{ questionKey: 'q1', likert }, ...(text ? [{ questionKey: 'q2', text }] : [])],
});

describe('opening and answering a questionnaire', () => {
  it('a manager opens the default questionnaire; a co-learner answers it once', async () => {
    const organisation = await t.make.organisation();
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const programme = await t.co.programme(organisation, { name: 'Spring cohort' });
    const senior = await t.make.person({ organisation });
    const junior = await t.make.person({ organisation });
    await t.co.pair(programme, senior.person, junior.person);

    const opened = await t.api.as(manager.token).mutation(OPEN, { programmeId: gid('Programme', programme.id) });
    expect(opened.userErrors).toEqual([]);
    expect(opened.questionnaire).toMatchObject({ title: 'Spring cohort: end-of-programme questionnaire', status: 'OPEN', programmeName: 'Spring cohort' });
    expect(opened.questionnaire.questions[0]).toEqual({ key: 'q1', kind: 'LIKERT', prompt: 'This programme improved my ability and competence as an inclusive leader.' });
    const id = opened.questionnaire.id;

    const listed = await t.api.as(senior.token).ok(`{ questionnaires { totalCount nodes { id viewerGroup viewerCanRespond viewerHasResponded viewerCanManage results { respondentCount } } } }`);
    expect(listed.questionnaires).toEqual({ totalCount: 1, nodes: [{ id, viewerGroup: 'SENIOR', viewerCanRespond: true, viewerHasResponded: false, viewerCanManage: false, results: null }] });

    const likertKeys = opened.questionnaire.questions.filter((q: any) => q.kind === 'LIKERT').map((q: any) => q.key);
    const answers = likertKeys.map((questionKey: string) => ({ questionKey, likert: 'AGREE' }));
    const first = await t.api.as(senior.token).mutation(SUBMIT, { questionnaireId: id, answers: [...answers, { questionKey: 'q5', text: 'Listening.' }] });
    expect(first).toEqual({ questionnaire: { id, viewerHasResponded: true, viewerCanRespond: false }, userErrors: [] });
    const again = await t.api.as(senior.token).mutation(SUBMIT, { questionnaireId: id, answers });
    expect(again.userErrors.map((e: any) => e.code)).toEqual(['ALREADY_USED']);

    // one questionnaire per programme
    const twice = await t.api.as(manager.token).mutation(OPEN, { programmeId: gid('Programme', programme.id) });
    expect(twice.userErrors.map((e: any) => e.code)).toEqual(['ALREADY_EXISTS']);
  });

  it('refuses incomplete or mismatched answers, outsiders, and answers after closing', async () => {
    const { manager, seniors, juniors, questionnaireId, organisation, programme } = await programmeWith(2);
    const codes = async (token: string, input: Record<string, unknown>) => (await t.api.as(token).mutation(SUBMIT, input)).userErrors.map((e: any) => e.code);
    expect(await codes(seniors[0].token, { questionnaireId, answers: [{ questionKey: 'q2', text: 'Only words' }] })).toEqual(['INVALID_INPUT']);
    expect(await codes(seniors[0].token, { questionnaireId, answers: [{ questionKey: 'q9', likert: 'AGREE' }] })).toEqual(['INVALID_INPUT']);
    expect(await codes(seniors[0].token, { questionnaireId, answers: [{ questionKey: 'q1', text: 'words, not a scale' }] })).toEqual(['INVALID_INPUT']);
    // a co-learner of the same organisation outside the programme, and a manager, cannot answer
    const outsider = await t.make.person({ organisation });
    expect(await codes(outsider.token, answer(questionnaireId, 'AGREE'))).toEqual(['NOT_FOUND']);
    expect(await codes(manager.token, answer(questionnaireId, 'AGREE'))).toEqual(['FORBIDDEN']);
    // a proposed pair has not started: its members are not asked
    const proposed = await t.make.person({ organisation });
    await t.co.pair(programme, proposed.person, outsider.person, { status: PairStatus.PROPOSED });
    expect(await codes(proposed.token, answer(questionnaireId, 'AGREE'))).toEqual(['NOT_FOUND']);

    const closed = await t.api.as(manager.token).mutation(CLOSE, { questionnaireId });
    expect(closed).toMatchObject({ questionnaire: { status: 'CLOSED' }, userErrors: [] });
    expect((await t.api.as(manager.token).mutation(CLOSE, { questionnaireId })).userErrors.map((e: any) => e.code)).toEqual(['INVALID_TRANSITION']);
    expect(await codes(juniors[0].token, answer(questionnaireId, 'AGREE'))).toEqual(['INVALID_TRANSITION']);
    expect(await codes(seniors[1].token, answer(questionnaireId, 'AGREE'))).toEqual(['INVALID_TRANSITION']);
  });

  it('only managers of the organisation open, close and read results', async () => {
    const { seniors, questionnaireId, programme } = await programmeWith(1);
    const stranger = await t.make.person({ roles: [Role.PROGRAMME_MANAGER] });
    expect(Api.codes(await t.api.as(seniors[0].token).request(RESULTS, { id: questionnaireId }))).toEqual(['FORBIDDEN']);
    expect(Api.codes(await t.api.as(stranger.token).request(RESULTS, { id: questionnaireId }))).toEqual(['NOT_FOUND']);
    const open = await t.api.as(stranger.token).mutation(OPEN, { programmeId: gid('Programme', programme.id) });
    expect(open.userErrors.map((e: any) => e.code)).toEqual(['NOT_FOUND']);
    expect(Api.codes(await t.api.as(seniors[0].token).request(CLOSE, { input: { questionnaireId } }))).toEqual(['FORBIDDEN']);
    const node = await t.api.as(stranger.token).ok(`query ($id: ID!) { node(id: $id) { id } }`, { id: questionnaireId });
    expect(node.node).toBeNull();
  });
});

describe('results: aggregate only, never for fewer than 5', () => {
  /** Answers from `seniors` seniors and `juniors` juniors (q1 answers in order), closes it, reads the results. */
  async function closedWith(likertSeniors: string[], likertJuniors: string[], comments: string[] = []) {
    const { manager, seniors, juniors, questionnaireId } = await programmeWith(Math.max(likertSeniors.length, likertJuniors.length, 1));
    for (const [i, likert] of likertSeniors.entries()) {
      expect((await t.api.as(seniors[i].token).mutation(SUBMIT, answer(questionnaireId, likert, comments[i]))).userErrors).toEqual([]);
    }
    for (const [i, likert] of likertJuniors.entries()) await t.api.as(juniors[i].token).mutation(SUBMIT, answer(questionnaireId, likert));
    const before = (await t.api.as(manager.token).ok(RESULTS, { id: questionnaireId })).questionnaireResults;
    await t.api.as(manager.token).mutation(CLOSE, { questionnaireId });
    const after = (await t.api.as(manager.token).ok(RESULTS, { id: questionnaireId })).questionnaireResults;
    return { before, after };
  }
  const seniorAnswers = ['STRONGLY_AGREE', 'AGREE', 'NEUTRAL', 'DISAGREE', 'AGREE'];

  it('shows nothing while the questionnaire is open, however many answered', async () => {
    const { before } = await closedWith(seniorAnswers, ['AGREE', 'AGREE', 'AGREE', 'AGREE', 'AGREE']);
    expect(before.respondentCount).toBe(10);
    for (const group of ['overall', 'senior', 'junior']) {
      expect(before.questions[0][group]).toMatchObject({ shown: false, agreedPercent: null, distribution: null });
      expect(before.questions[0][group].note).toMatch(/when the questionnaire closes/);
    }
  });

  it('4 seniors: no figure', async () => {
    const { after: results } = await closedWith(seniorAnswers.slice(0, 4), [], ['Zebra crossings', 'More time with my partner', 'Agendas earlier', 'Better rooms']);
    expect(results).toMatchObject({ threshold: 5, eligibleCount: 8, respondentCount: 4 });
    for (const group of ['overall', 'senior', 'junior']) {
      expect(results.questions[0][group]).toMatchObject({ shown: false, respondents: null, agreedPercent: null, distribution: null, answers: null });
      expect(results.questions[0][group].note).toMatch(/Fewer than 5 responses/);
    }
    expect(results.questions[1].senior).toMatchObject({ shown: false, answers: null });
  });

  it('5 seniors: "N% agreed", text answers sorted', async () => {
    const { after: results } = await closedWith(seniorAnswers, [], ['Zebra crossings', 'More time with my partner', 'Agendas earlier', 'Better rooms']);
    const q1 = results.questions[0];
    expect(q1.senior).toEqual({ group: 'SENIOR', shown: true, respondents: 5, agreedPercent: 60, distribution: [0, 1, 1, 2, 1], answers: null, note: null });
    expect(q1.overall).toMatchObject({ shown: true, respondents: 5, agreedPercent: 60 }); // no juniors: nothing to subtract
    expect(q1.junior).toMatchObject({ shown: false, respondents: null });
    // text answers come sorted, never in the order given
    expect(results.questions[1].senior.answers).toEqual(['Agendas earlier', 'Better rooms', 'More time with my partner', 'Zebra crossings']);
  });

  it('a small junior group hides the overall figure too', async () => {
    // overall minus seniors would reveal the one junior's answer
    const { after: results } = await closedWith(seniorAnswers, ['STRONGLY_DISAGREE']);
    const q1 = results.questions[0];
    expect(q1.overall).toMatchObject({ shown: false, agreedPercent: null });
    expect(q1.overall.note).toMatch(/would reveal/);
    expect(q1.senior).toMatchObject({ shown: true, agreedPercent: 60 });
    expect(q1.junior).toMatchObject({ shown: false });
  });

  it('five in each group: every group shown', async () => {
    const { after: results } = await closedWith(seniorAnswers, ['STRONGLY_DISAGREE', 'STRONGLY_AGREE', 'STRONGLY_AGREE', 'STRONGLY_AGREE', 'STRONGLY_AGREE']);
    const q1 = results.questions[0];
    expect(q1.junior).toMatchObject({ shown: true, respondents: 5, agreedPercent: 80, distribution: [1, 0, 0, 0, 4] });
    expect(q1.overall).toMatchObject({ shown: true, respondents: 10, agreedPercent: 70, distribution: [1, 1, 1, 2, 5] });
  });

  it('who answered what cannot be derived: answers carry no person and no time, participation no answer', async () => {
    const { manager, seniors, questionnaireId, programme, organisation } = await programmeWith(1);
    // members of a pair that never started are not asked
    const [a, b] = [await t.make.person({ organisation }), await t.make.person({ organisation })];
    await t.co.pair(programme, a.person, b.person, { status: PairStatus.PROPOSED });
    expect((await t.api.as(manager.token).ok(RESULTS, { id: questionnaireId })).questionnaireResults.eligibleCount).toBe(2);
    await t.api.as(seniors[0].token).mutation(SUBMIT, answer(questionnaireId, 'AGREE', 'A private view'));
    const columns = async (table: string) =>
      (await t.server.db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`, [table])).map((r: any) => r.column_name);
    expect(await columns('questionnaire_response')).toEqual(['id', 'likert', 'questionnaire_id', 'respondent_group', 'texts']);
    expect(await columns('questionnaire_participation')).toEqual(['id', 'person_id', 'questionnaire_id']);
    // no foreign key or shared id links the two tables
    const [response] = await t.server.db.query(`SELECT * FROM questionnaire_response`);
    const participation = await t.server.db.query(`SELECT * FROM questionnaire_participation WHERE person_id = $1`, [seniors[0].person.id]);
    expect(participation).toHaveLength(1);
    expect(participation[0].id).not.toBe(response.id);
    // and the API has no field that lists responses or respondents
    const schema = await t.api.as(manager.token).ok(`{ __type(name: "Questionnaire") { fields { name } } }`);
    expect(schema.__type.fields.map((f: any) => f.name)).not.toEqual(expect.arrayContaining(['responses', 'respondents']));
    const results = await t.api.as(manager.token).ok(RESULTS, { id: questionnaireId });
    expect(JSON.stringify(results)).not.toContain(seniors[0].person.displayName);
    expect(JSON.stringify(results)).not.toContain('A private view'); // 1 respondent: withheld
  });
});

describe('the programme dashboard carries the questionnaire for the board report', () => {
  it('a manager sees it with its results; an owner does not', async () => {
    const { manager, programme, questionnaireId, organisation } = await programmeWith(1);
    const query = `query ($id: ID!) { programmeDashboard(programmeId: $id) { questionnaire { id results { respondentCount } } } }`;
    const data = await t.api.as(manager.token).ok(query, { id: gid('Programme', programme.id) });
    expect(data.programmeDashboard.questionnaire).toEqual({ id: questionnaireId, results: { respondentCount: 0 } });
    const owner = await t.make.person({ organisation, roles: [Role.OWNER] });
    expect((await t.api.as(owner.token).ok(query, { id: gid('Programme', programme.id) })).programmeDashboard.questionnaire).toBeNull();
  });
});
