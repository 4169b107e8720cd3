import { EventEntity, EventKind } from '../../server/src/modules/history/event.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { ProgrammeEntity } from '../../server/src/modules/programme/programme.entity';
import { idOf } from '../../server/src/common/relay';
import { PersonEntity } from '../../server/src/modules/person/person.entity';
import { seedDemoProgrammeDesign } from '../../server/src/modules/programme-template/programme-template.seed';
import { Api } from '../helpers/api';
import { ensureDemoData } from '../helpers/demo';
import { gid } from '../helpers/factories';
import { apiSuite } from '../helpers/suite';

const t = apiSuite();

const PROGRAMME_FIELDS = `id name startsOn endsOn sessionCadence status
  design { templateKey seniorLabel juniorLabel trainingRequired milestones { month title dueOn } closingQuestionnaire { title month dueOn questions { kind prompt } } }
  curriculum { id month topic guidance resources { title url text } prompts }
  trainingModules { id side title expectedHours viewerCompletion { completedAt } }
  guide { id key title dueOn done seenDone evidence markedDoneAt }`;
const CREATE = `mutation ($input: CreateProgrammeFromTemplateInput!) { createProgrammeFromTemplate(input: $input) { programme { ${PROGRAMME_FIELDS} } userErrors { field code message } } }`;
const TEMPLATES = `{ programmeTemplates { key name summary lengthMonths sessionCadence seniorLabel juniorLabel trainingRequired curriculum { month topic } training { side title expectedHours } milestones questionnaireTitle } }`;
const PROGRAMME = `query ($id: ID!) { node(id: $id) { ... on Programme { ${PROGRAMME_FIELDS} } } }`;
const UPDATE_DESIGN = `mutation ($input: UpdateProgrammeDesignInput!) { updateProgrammeDesign(input: $input) { design { seniorLabel juniorLabel trainingRequired milestones { month title dueOn } } userErrors { field code message } } }`;
const SAVE_MONTH = `mutation ($input: SaveCurriculumMonthInput!) { saveCurriculumMonth(input: $input) { curriculumMonth { id month topic guidance resources { title url text } prompts } userErrors { field code message } } }`;
const REMOVE_MONTH = `mutation ($input: RemoveCurriculumMonthInput!) { removeCurriculumMonth(input: $input) { programme { curriculum { month } } userErrors { field code message } } }`;
const SAVE_MODULE = `mutation ($input: SaveTrainingModuleInput!) { saveTrainingModule(input: $input) { trainingModule { id side title description expectedHours } userErrors { field code message } } }`;
const REMOVE_MODULE = `mutation ($input: RemoveTrainingModuleInput!) { removeTrainingModule(input: $input) { programme { trainingModules { title } } userErrors { field code message } } }`;
const RECORD = `mutation ($input: RecordTrainingCompletionInput!) { recordTrainingCompletion(input: $input) {
  completion { completedAt selfRecorded person { displayName } recordedBy { displayName } module { title } } userErrors { field code message } } }`;
const MARK = `mutation ($input: MarkGuideStepInput!) { markGuideStep(input: $input) { guideStep { key done seenDone markedDoneAt } userErrors { field code message } } }`;
const CREATE_PAIR = `mutation ($input: CreatePairInput!) { createPair(input: $input) { pair { id status } userErrors { field code message } } }`;
const PROPOSE = `mutation ($input: ProposeContractInput!) { proposeContract(input: $input) { pair { id } userErrors { code message } } }`;
const AGREE = `mutation ($input: AgreeContractInput!) { agreeContract(input: $input) { pair { id status } userErrors { code message } } }`;
const START = `mutation ($input: ProgrammeInput!) { startProgramme(input: $input) { programme { status } userErrors { code message } } }`;
const CLOSE = `mutation ($input: ProgrammeInput!) { closeProgramme(input: $input) { programme { status } userErrors { code message } } }`;
const PAIR_TRAINING = `query ($id: ID!) { node(id: $id) { ... on Pair { status trainingRequired training { side person { displayName } completed { title } missing { title } } } } }`;
const PROGRESS = `query ($id: ID!) { node(id: $id) { ... on Programme { trainingProgress { side person { displayName } completed { title } missing { title } }
  trainingHistory { selfRecorded person { displayName } recordedBy { displayName } module { title } } } } }`;
const PROMPTS = `query ($id: ID!) { node(id: $id) { ... on Pair { sessionPrompts { focusTopics curriculumMonth { month topic guidance resources { title url } prompts } } } } }`;

async function organisationWithManager() {
  const organisation = await t.make.organisation();
  const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER], name: 'Pat Manager' });
  return { organisation, manager, api: t.api.as(manager.token) };
}

/** The first day of the month `n` months from now (negative: before), as YYYY-MM-DD. */
function firstOfMonth(n: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + n, 1)).toISOString().slice(0, 10);
}

describe('programme templates', () => {
  it('offers the three shapes with their length, cadence, wording, training rule, curriculum and questionnaire', async () => {
    const { manager } = await organisationWithManager();
    const { programmeTemplates } = await t.api.as(manager.token).ok(TEMPLATES);
    expect(programmeTemplates.map((x: { key: string }) => x.key)).toEqual(['MUTUAL_12_MONTH', 'BOARD_REVERSE_6_MONTH', 'RECIPROCAL']);
    const [mutual, board, reciprocal] = programmeTemplates;
    expect(mutual).toMatchObject({ lengthMonths: 12, sessionCadence: 'MONTHLY', seniorLabel: 'Mentor', juniorLabel: 'Mentee', trainingRequired: false });
    expect(mutual.curriculum.map((m: { topic: string }) => m.topic)).toEqual(expect.arrayContaining(['Racism at work', 'Micro-aggressions', 'Allyship']));
    expect(board).toMatchObject({ lengthMonths: 6, seniorLabel: 'Board member', juniorLabel: 'Reverse mentor' });
    expect(board.curriculum).toHaveLength(6);
    expect(reciprocal).toMatchObject({ trainingRequired: true, seniorLabel: 'Senior co-learner' });
    expect(reciprocal.training.map((m: { side: string }) => m.side).sort()).toEqual(['BOTH', 'JUNIOR', 'SENIOR']);
  });

  it('creates a planned programme from each template with its own copy of everything', async () => {
    const { api } = await organisationWithManager();
    const board = await api.mutation(CREATE, { templateKey: 'BOARD_REVERSE_6_MONTH', name: 'Board reverse mentoring 2027', startsOn: '2027-01-01' });
    expect(board.userErrors).toEqual([]);
    expect(board.programme).toMatchObject({
      name: 'Board reverse mentoring 2027',
      startsOn: '2027-01-01',
      endsOn: '2027-06-30',
      sessionCadence: 'MONTHLY',
      status: 'PLANNED',
      design: { templateKey: 'BOARD_REVERSE_6_MONTH', seniorLabel: 'Board member', juniorLabel: 'Reverse mentor', trainingRequired: false },
    });
    expect(board.programme.curriculum.map((m: { month: number }) => m.month)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(board.programme.curriculum[0].prompts.length).toBeGreaterThan(0);
    expect(board.programme.trainingModules.map((m: { side: string }) => m.side)).toEqual(['SENIOR', 'JUNIOR']);
    expect(board.programme.guide.map((s: { key: string }) => s.key)).toEqual(['RECRUIT', 'TRAIN', 'MATCH', 'LAUNCH', 'MID_POINT', 'EVALUATE', 'REPORT', 'CELEBRATE']);
    expect(board.programme.guide.find((s: { key: string }) => s.key === 'MID_POINT').dueOn).toBe('2027-04-01');
    expect(board.programme.design.milestones.at(-1)).toEqual({ month: 6, title: 'Questionnaire results to the board', dueOn: '2027-06-30' });
    expect(board.programme.design.closingQuestionnaire).toMatchObject({ month: 6, dueOn: '2027-06-30' });
    expect(board.programme.design.closingQuestionnaire.questions.some((q: { kind: string }) => q.kind === 'LIKERT')).toBe(true);

    const mutual = await api.mutation(CREATE, { templateKey: 'MUTUAL_12_MONTH', name: 'Pilot division cohort', startsOn: '2027-02-01' });
    expect(mutual.programme).toMatchObject({ endsOn: '2028-01-31', design: { seniorLabel: 'Mentor', juniorLabel: 'Mentee' } });
    expect(mutual.programme.curriculum).toHaveLength(12);
    expect(mutual.programme.curriculum[1].resources[0].url).toMatch(/^https:/);

    const reciprocal = await api.mutation(CREATE, { templateKey: 'RECIPROCAL', name: 'Reciprocal cohort', startsOn: '2027-03-01', endsOn: '2027-11-30' });
    expect(reciprocal.programme).toMatchObject({ endsOn: '2027-11-30', design: { trainingRequired: true } });

    // A second programme from the same template is unaffected by edits to the first.
    const again = await api.mutation(CREATE, { templateKey: 'BOARD_REVERSE_6_MONTH', name: 'Board reverse mentoring 2028', startsOn: '2028-01-01' });
    const edited = await api.mutation(SAVE_MONTH, { programmeId: board.programme.id, month: 1, topic: 'Our own first topic' });
    expect(edited.userErrors).toEqual([]);
    const { node } = await api.ok(PROGRAMME, { id: again.programme.id });
    expect(node.curriculum[0].topic).toBe('Lived experience');
  });

  it('refuses bad dates and unknown templates, writing nothing', async () => {
    const { api, organisation } = await organisationWithManager();
    const backwards = await api.mutation(CREATE, { templateKey: 'RECIPROCAL', name: 'Backwards', startsOn: '2027-03-01', endsOn: '2027-01-01' });
    expect(backwards.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'endsOn'] }]);
    const noDay = await api.mutation(CREATE, { templateKey: 'RECIPROCAL', name: 'No such day', startsOn: '2027-02-30' });
    expect(noDay.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'startsOn'] }]);
    expect(Api.codes(await api.request(CREATE, { input: { templateKey: 'NOPE', name: 'Unknown', startsOn: '2027-01-01' } }))).toEqual(['BAD_USER_INPUT']);
    const { programmes } = await api.ok(`query ($org: ID) { programmes(organisationId: $org) { totalCount } }`, { org: gid('Organisation', organisation.id) });
    expect(programmes.totalCount).toBe(0);
  });
});

describe('editing a programme design', () => {
  it('lets a manager change wording, the training rule, milestones, curriculum and training until the programme closes', async () => {
    const { api } = await organisationWithManager();
    const { programme } = await api.mutation(CREATE, { templateKey: 'MUTUAL_12_MONTH', name: 'Editable', startsOn: '2027-01-01' });

    const design = await api.mutation(UPDATE_DESIGN, {
      programmeId: programme.id,
      seniorLabel: 'Reverse mentee',
      juniorLabel: 'Reverse mentor',
      trainingRequired: true,
      milestones: [{ month: 9, title: 'Policy to the executive' }, { month: 0, title: 'Launch event' }],
    });
    expect(design.userErrors).toEqual([]);
    expect(design.design).toEqual({
      seniorLabel: 'Reverse mentee',
      juniorLabel: 'Reverse mentor',
      trainingRequired: true,
      milestones: [{ month: 0, title: 'Launch event', dueOn: '2027-01-01' }, { month: 9, title: 'Policy to the executive', dueOn: '2027-10-01' }],
    });
    const same = await api.mutation(UPDATE_DESIGN, { programmeId: programme.id, juniorLabel: 'reverse mentee' });
    expect(same.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'juniorLabel'] }]);

    const month = await api.mutation(SAVE_MONTH, {
      programmeId: programme.id,
      month: 13,
      topic: 'Alumni session',
      guidance: 'Meet again a month after the end.',
      resources: [{ title: 'Alumni handbook', url: 'https://example.org/alumni', text: null }, { title: 'A short note', text: 'Bring one change you made.' }],
      prompts: ['What has stuck?'],
    });
    expect(month.userErrors).toEqual([]);
    expect(month.curriculumMonth).toMatchObject({ month: 13, topic: 'Alumni session', resources: [{ title: 'Alumni handbook', url: 'https://example.org/alumni' }, { title: 'A short note', url: null, text: 'Bring one change you made.' }] });
    const badLink = await api.mutation(SAVE_MONTH, { programmeId: programme.id, month: 2, topic: 'Racism', resources: [{ title: 'Link', url: 'javascript:alert(1)' }] });
    expect(badLink.userErrors).toMatchObject([{ code: 'INVALID_INPUT' }]);
    const removed = await api.mutation(REMOVE_MONTH, { curriculumMonthId: month.curriculumMonth.id });
    expect(removed.programme.curriculum.map((m: { month: number }) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

    const added = await api.mutation(SAVE_MODULE, { programmeId: programme.id, side: 'JUNIOR', title: 'Telling your story', description: 'A half day.', expectedHours: 3.5 });
    expect(added.trainingModule).toMatchObject({ side: 'JUNIOR', title: 'Telling your story', expectedHours: 3.5 });
    const changed = await api.mutation(SAVE_MODULE, { programmeId: programme.id, trainingModuleId: added.trainingModule.id, side: 'BOTH', title: 'Telling our stories', expectedHours: 4 });
    expect(changed.trainingModule).toMatchObject({ id: added.trainingModule.id, side: 'BOTH', title: 'Telling our stories', expectedHours: 4 });
    const negative = await api.mutation(SAVE_MODULE, { programmeId: programme.id, side: 'BOTH', title: 'Minus', expectedHours: -1 });
    expect(negative.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'expectedHours'] }]);
    const gone = await api.mutation(REMOVE_MODULE, { trainingModuleId: added.trainingModule.id });
    expect(gone.programme.trainingModules.map((m: { title: string }) => m.title)).toEqual(['Programme briefing']);

    // Still editable once running; not once closed.
    expect((await api.mutation(START, { programmeId: programme.id })).programme.status).toBe('ACTIVE');
    expect((await api.mutation(UPDATE_DESIGN, { programmeId: programme.id, seniorLabel: 'Mentor' })).userErrors).toEqual([]);
    expect((await api.mutation(CLOSE, { programmeId: programme.id })).programme.status).toBe('CLOSED');
    for (const [query, input] of [
      [UPDATE_DESIGN, { programmeId: programme.id, seniorLabel: 'Too late' }],
      [SAVE_MONTH, { programmeId: programme.id, month: 1, topic: 'Too late' }],
      [SAVE_MODULE, { programmeId: programme.id, side: 'BOTH', title: 'Too late' }],
    ] as const) {
      expect((await api.mutation(query, input)).userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);
    }
    const { node } = await api.ok(PROGRAMME, { id: programme.id });
    expect(node.design.seniorLabel).toBe('Mentor');
    expect(node.curriculum[0].topic).toBe('Getting to know each other');
  });
});

describe('a programme made blank', () => {
  it("takes its own wording and the standard guide, as a coach's mentee-driven programme would", async () => {
    const { api } = await organisationWithManager();
    const { createProgramme } = await api.ok(
      `mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { programme { id design { templateKey seniorLabel juniorLabel trainingRequired } guide { key } curriculum { month } } } }`,
      { input: { name: 'Coaching circle', startsOn: '2027-01-01', endsOn: '2027-06-30' } },
    );
    const programme = createProgramme.programme;
    expect(programme).toMatchObject({ design: { templateKey: null, seniorLabel: 'Senior co-learner', juniorLabel: 'Junior co-learner', trainingRequired: false }, guide: [], curriculum: [] });
    const wording = await api.mutation(UPDATE_DESIGN, { programmeId: programme.id, seniorLabel: 'Coach', juniorLabel: 'Coachee' });
    expect(wording.design).toMatchObject({ seniorLabel: 'Coach', juniorLabel: 'Coachee' });

    const ADD = `mutation ($input: AddProgrammeGuideInput!) { addProgrammeGuide(input: $input) { guide { key dueOn } userErrors { code } } }`;
    const added = await api.mutation(ADD, { programmeId: programme.id });
    expect(added.guide.map((s: { key: string }) => s.key)).toEqual(['RECRUIT', 'TRAIN', 'MATCH', 'LAUNCH', 'MID_POINT', 'EVALUATE', 'REPORT', 'CELEBRATE']);
    expect(added.guide.find((s: { key: string }) => s.key === 'MID_POINT').dueOn).toBe('2027-04-01');
    expect(added.guide.find((s: { key: string }) => s.key === 'CELEBRATE').dueOn).toBe('2027-06-30');
    expect((await api.mutation(ADD, { programmeId: programme.id })).userErrors).toMatchObject([{ code: 'ALREADY_EXISTS' }]);
  });
});

describe('curriculum in "For your next session"', () => {
  it("shows the pair this month's topic, guidance, resources and prompts beside their contract topics", async () => {
    const { organisation, api } = await organisationWithManager();
    const { programme } = await api.mutation(CREATE, { templateKey: 'MUTUAL_12_MONTH', name: 'Running cohort', startsOn: firstOfMonth(-1) });
    await api.mutation(START, { programmeId: programme.id });
    const entity = await t.server.db.getRepository(ProgrammeEntity).findOneByOrFail({ id: idOf(programme.id, 'Programme') });
    const { senior, id: pairId } = await t.make.pair(organisation, { programme: entity });

    const { node } = await t.api.as(senior.token).ok(PROMPTS, { id: pairId });
    expect(node.sessionPrompts.focusTopics).toEqual(['Shortlisting', 'Flexible rotas']);
    expect(node.sessionPrompts.curriculumMonth).toMatchObject({ month: 2, topic: 'Racism at work', resources: [{ title: 'Race at Work Charter' }] });
    expect(node.sessionPrompts.curriculumMonth.prompts).toContain('What did the reading make you notice?');

    // The programme's own edit shows at once; the manager (not in the pair) gets no prompts.
    await api.mutation(SAVE_MONTH, { programmeId: programme.id, month: 2, topic: 'Race and rotas', prompts: ['Who works nights?'] });
    const after = await t.api.as(senior.token).ok(PROMPTS, { id: pairId });
    expect(after.node.sessionPrompts.curriculumMonth).toMatchObject({ topic: 'Race and rotas', prompts: ['Who works nights?'] });
    expect((await api.ok(PROMPTS, { id: pairId })).node.sessionPrompts).toBeNull();
  });
});

describe("the programme manager's guide", () => {
  it('ticks recruit, match and launch as the app sees them, and lets a manager tick the rest', async () => {
    const { organisation, api } = await organisationWithManager();
    const { programme } = await api.mutation(CREATE, { templateKey: 'BOARD_REVERSE_6_MONTH', name: 'Board cohort', startsOn: '2027-01-01' });
    const done = async () => {
      const { node } = await api.ok(PROGRAMME, { id: programme.id });
      return Object.fromEntries(node.guide.map((s: { key: string; done: boolean }) => [s.key, s.done]));
    };
    expect(await done()).toMatchObject({ RECRUIT: false, MATCH: false, LAUNCH: false, CELEBRATE: false });

    const board = await t.make.person({ organisation, roles: [Role.CO_LEARNER], name: 'Bea Board' });
    const mentor = await t.make.person({ organisation, roles: [Role.CO_LEARNER], name: 'Ray Mentor' });
    expect(await done()).toMatchObject({ RECRUIT: true, MATCH: false });
    expect((await api.mutation(CREATE_PAIR, { programmeId: programme.id, seniorId: board.globalId, juniorId: mentor.globalId })).userErrors).toEqual([]);
    expect(await done()).toMatchObject({ MATCH: true, TRAIN: false, LAUNCH: false });
    await api.mutation(START, { programmeId: programme.id });
    expect(await done()).toMatchObject({ LAUNCH: true });

    const { node } = await api.ok(PROGRAMME, { id: programme.id });
    const celebrate = node.guide.find((s: { key: string }) => s.key === 'CELEBRATE');
    const marked = await api.mutation(MARK, { guideStepId: celebrate.id, done: true });
    expect(marked.guideStep).toMatchObject({ key: 'CELEBRATE', done: true, seenDone: false });
    expect(marked.guideStep.markedDoneAt).toBeTruthy();
    expect((await api.mutation(MARK, { guideStepId: celebrate.id, done: false })).guideStep).toMatchObject({ done: false, markedDoneAt: null });

    // Only its managers see and tick the guide.
    expect((await t.api.as(board.token).ok(PROGRAMME, { id: programme.id })).node.guide).toBeNull();
    expect(Api.codes(await t.api.as(board.token).request(MARK, { input: { guideStepId: celebrate.id, done: true } }))).toEqual(['FORBIDDEN']);
    const stranger = await t.make.person({ roles: [Role.PROGRAMME_MANAGER] });
    expect(Api.codes(await t.api.as(stranger.token).request(MARK, { input: { guideStepId: celebrate.id, done: true } }))).toEqual(['NOT_FOUND']);
  });
});

describe('training', () => {
  it('holds a pair until both have completed their side, shows who is missing what, and keeps completions in the history', async () => {
    const { organisation, manager, api } = await organisationWithManager();
    const { programme } = await api.mutation(CREATE, { templateKey: 'RECIPROCAL', name: 'Trained first', startsOn: '2027-01-01' });
    const sam = await t.make.person({ organisation, roles: [Role.CO_LEARNER], name: 'Sam Senior' });
    const jo = await t.make.person({ organisation, roles: [Role.CO_LEARNER], name: 'Jo Junior' });
    const modules = Object.fromEntries(programme.trainingModules.map((m: { side: string; id: string }) => [m.side, m.id]));

    // Jo records her own foundations before being paired; her progress is hers and the managers' to see.
    const own = await t.api.as(jo.token).mutation(RECORD, { trainingModuleId: modules.BOTH });
    expect(own.userErrors).toEqual([]);
    expect(own.completion).toMatchObject({ selfRecorded: true, person: { displayName: 'Jo Junior' }, recordedBy: { displayName: 'Jo Junior' }, module: { title: 'Reciprocal mentoring foundations' } });
    const twice = await t.api.as(jo.token).mutation(RECORD, { trainingModuleId: modules.BOTH });
    expect(twice.userErrors).toMatchObject([{ code: 'ALREADY_EXISTS' }]);

    const { pair } = await api.mutation(CREATE_PAIR, { programmeId: programme.id, seniorId: sam.globalId, juniorId: jo.globalId });
    await api.mutation(START, { programmeId: programme.id });
    expect((await t.api.as(sam.token).mutation(PROPOSE, { pairId: pair.id, focusTopics: ['Rotas'], cadence: 'MONTHLY', groundRules: 'We listen first.', confidentiality: 'Stays with us.' })).userErrors).toEqual([]);
    const refused = await t.api.as(jo.token).mutation(AGREE, { pairId: pair.id, version: 1 });
    expect(refused.userErrors).toMatchObject([{ code: 'TRAINING_INCOMPLETE' }]);
    expect(refused.userErrors[0].message).toContain('Sam Senior still has to complete “Reciprocal mentoring foundations”, “Senior co-learner: listening and acting”');
    expect(refused.userErrors[0].message).toContain('Jo Junior still has to complete “Junior co-learner: speaking up safely”');

    const waiting = await api.ok(PAIR_TRAINING, { id: pair.id });
    expect(waiting.node).toMatchObject({
      status: 'PROPOSED',
      trainingRequired: true,
      training: [
        { side: 'SENIOR', person: { displayName: 'Sam Senior' }, completed: [], missing: [{ title: 'Reciprocal mentoring foundations' }, { title: 'Senior co-learner: listening and acting' }] },
        { side: 'JUNIOR', person: { displayName: 'Jo Junior' }, completed: [{ title: 'Reciprocal mentoring foundations' }], missing: [{ title: 'Junior co-learner: speaking up safely' }] },
      ],
    });

    // A co-learner cannot record someone else's training; a manager can.
    expect(Api.codes(await t.api.as(jo.token).request(RECORD, { input: { trainingModuleId: modules.SENIOR, personId: sam.globalId } }))).toEqual(['FORBIDDEN']);
    for (const id of [modules.BOTH, modules.SENIOR]) {
      expect((await api.mutation(RECORD, { trainingModuleId: id, personId: sam.globalId })).completion).toMatchObject({ selfRecorded: false, recordedBy: { displayName: 'Pat Manager' } });
    }
    expect((await t.api.as(jo.token).mutation(RECORD, { trainingModuleId: modules.JUNIOR })).userErrors).toEqual([]);

    const agreed = await t.api.as(jo.token).mutation(AGREE, { pairId: pair.id, version: 1 });
    expect(agreed.userErrors).toEqual([]);
    expect(agreed.pair.status).toBe('ACTIVE');

    const progress = await api.ok(PROGRESS, { id: programme.id });
    expect(progress.node.trainingProgress).toHaveLength(2);
    expect(progress.node.trainingProgress.every((p: { missing: unknown[] }) => p.missing.length === 0)).toBe(true);
    expect(progress.node.trainingHistory).toHaveLength(4);
    const mine = await t.api.as(jo.token).ok(PROGRESS, { id: programme.id });
    expect(mine.node.trainingProgress).toEqual([expect.objectContaining({ person: { displayName: 'Jo Junior' }, side: 'JUNIOR' })]);
    expect(mine.node.trainingHistory).toEqual([]);

    const events = await t.server.db.getRepository(EventEntity).findBy({ organisationId: organisation.id, kind: EventKind.TRAINING_COMPLETED });
    expect(events).toHaveLength(4);
    expect(events.filter((e) => e.actorId === manager.person.id).map((e) => e.detail.personId)).toEqual([sam.person.id, sam.person.id]);

    const { node } = await api.ok(PROGRAMME, { id: programme.id });
    expect(node.guide.find((s: { key: string }) => s.key === 'TRAIN')).toMatchObject({ seenDone: true, done: true });
  });

  it('lets a pair start untrained when the programme has no training rule', async () => {
    const { organisation, api } = await organisationWithManager();
    const { programme } = await api.mutation(CREATE, { templateKey: 'MUTUAL_12_MONTH', name: 'No rule', startsOn: '2027-01-01' });
    const a = await t.make.person({ organisation, roles: [Role.CO_LEARNER] });
    const b = await t.make.person({ organisation, roles: [Role.CO_LEARNER] });
    const { pair } = await api.mutation(CREATE_PAIR, { programmeId: programme.id, seniorId: a.globalId, juniorId: b.globalId });
    await t.api.as(a.token).mutation(PROPOSE, { pairId: pair.id, focusTopics: ['Allyship'], cadence: 'MONTHLY', groundRules: 'We listen first.', confidentiality: 'Stays with us.' });
    expect((await t.api.as(b.token).mutation(AGREE, { pairId: pair.id, version: 1 })).pair.status).toBe('ACTIVE');
  });
});

describe('authorisation', () => {
  it('a co-learner cannot create or edit a programme; another organisation sees and changes nothing', async () => {
    const { organisation, api } = await organisationWithManager();
    const { programme } = await api.mutation(CREATE, { templateKey: 'RECIPROCAL', name: 'Ours', startsOn: '2027-01-01' });
    const colearner = await t.make.person({ organisation, roles: [Role.CO_LEARNER] });
    const as = t.api.as(colearner.token);
    const month = programme.curriculum[0];
    const module = programme.trainingModules[0];
    const edits: [string, Record<string, unknown>][] = [
      [CREATE, { templateKey: 'RECIPROCAL', name: 'Mine', startsOn: '2027-01-01' }],
      [UPDATE_DESIGN, { programmeId: programme.id, seniorLabel: 'Boss' }],
      [SAVE_MONTH, { programmeId: programme.id, month: 1, topic: 'Mine now' }],
      [REMOVE_MONTH, { curriculumMonthId: month.id }],
      [SAVE_MODULE, { programmeId: programme.id, side: 'BOTH', title: 'Mine' }],
      [REMOVE_MODULE, { trainingModuleId: module.id }],
    ];
    for (const [query, input] of edits) expect(Api.codes(await as.request(query, { input }))).toEqual(['FORBIDDEN']);

    // A co-learner reads the plan and their own training.
    const seen = (await as.ok(PROGRAMME, { id: programme.id })).node;
    expect(seen.curriculum).toHaveLength(12);
    expect(seen.trainingModules[0].viewerCompletion).toBeNull();

    const other = await organisationWithManager();
    const outsider = await t.make.person({ organisation: other.organisation, roles: [Role.CO_LEARNER] });
    expect((await other.api.ok(PROGRAMME, { id: programme.id })).node).toBeNull();
    for (const [query, input] of edits.slice(1)) expect(Api.codes(await other.api.request(query, { input }))).toEqual(['NOT_FOUND']);
    expect(Api.codes(await t.api.as(outsider.token).request(RECORD, { input: { trainingModuleId: module.id } }))).toEqual(['NOT_FOUND']);
    expect(Api.codes(await other.api.request(RECORD, { input: { trainingModuleId: module.id, personId: colearner.globalId } }))).toEqual(['NOT_FOUND']);
    // A manager cannot record training for someone outside the organisation.
    const refused = await api.mutation(RECORD, { trainingModuleId: module.id, personId: outsider.globalId });
    expect(refused.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'personId'] }]);

    const { node } = await api.ok(PROGRAMME, { id: programme.id });
    expect(node.design.seniorLabel).toBe('Senior co-learner');
    expect(node.curriculum[0].topic).toBe('Building the relationship');
    expect(node.trainingModules).toHaveLength(3);
  });
});

describe('reading many programmes', () => {
  it('runs the same number of SQL statements for 2 programmes as for 6, design, curriculum, training and guide included', async () => {
    const { organisation, api } = await organisationWithManager();
    const LIST = `query ($org: ID) { programmes(organisationId: $org, first: 6) { nodes { design { seniorLabel } curriculum { topic } trainingModules { title }
      guide { key done } trainingProgress { person { displayName } missing { title } } trainingHistory { recordedBy { displayName } } } } }`;
    const addProgramme = async (n: number) => {
      const { programme } = await api.mutation(CREATE, { templateKey: ['MUTUAL_12_MONTH', 'BOARD_REVERSE_6_MONTH', 'RECIPROCAL'][n % 3], name: `Cohort ${n}`, startsOn: '2027-01-01' });
      const a = await t.make.person({ organisation, roles: [Role.CO_LEARNER] });
      const b = await t.make.person({ organisation, roles: [Role.CO_LEARNER] });
      await api.mutation(CREATE_PAIR, { programmeId: programme.id, seniorId: a.globalId, juniorId: b.globalId });
      await api.mutation(RECORD, { trainingModuleId: programme.trainingModules[0].id, personId: a.globalId });
    };
    const count = async () => {
      const response = await api.request(LIST, { org: gid('Organisation', organisation.id) });
      expect(response.errors).toBeUndefined();
      return { statements: response.extensions?.sqlStatements, programmes: response.data.programmes.nodes.length };
    };
    for (const n of [0, 1]) await addProgramme(n);
    const small = await count();
    for (const n of [2, 3, 4, 5]) await addProgramme(n);
    const large = await count();
    expect([small.programmes, large.programmes]).toEqual([2, 6]);
    expect(large.statements).toBe(small.statements);
  });
});

describe('the demo', () => {
  it('has one Northshore programme per template, its running cohort trained and showing this month in the pairs’ prompts', async () => {
    await ensureDemoData(t.server.db);
    await seedDemoProgrammeDesign(t.server.db); // a second run adds nothing
    const pat = await t.server.db.getRepository(PersonEntity).findOneByOrFail({ email: 'pat.manager@northshore.example' });
    const api = t.api.as(await t.make.signIn(pat));
    const { programmes } = await api.ok(`{ programmes(first: 50) { nodes { name status design { templateKey } guide { key done } trainingProgress { missing { title } } } } }`);
    // The demo's own programmes (browser suites add theirs to the same organisation).
    const seeded = ['2026 Reciprocal Mentoring Cohort', 'Board reverse mentoring 2027', 'Mutual mentoring pilot: Surgery'];
    const byTemplate = (key: string) =>
      programmes.nodes.filter((p: { name: string; design: { templateKey: string } }) => seeded.includes(p.name) && p.design.templateKey === key);
    for (const key of ['MUTUAL_12_MONTH', 'BOARD_REVERSE_6_MONTH', 'RECIPROCAL']) expect(byTemplate(key)).toHaveLength(1);
    const [running] = byTemplate('RECIPROCAL');
    expect(running).toMatchObject({ name: '2026 Reciprocal Mentoring Cohort', status: 'ACTIVE' });
    expect(running.trainingProgress.length).toBeGreaterThanOrEqual(4);
    expect(running.trainingProgress.every((p: { missing: unknown[] }) => p.missing.length === 0)).toBe(true);
    expect(Object.fromEntries(running.guide.map((s: { key: string; done: boolean }) => [s.key, s.done]))).toMatchObject({ RECRUIT: true, TRAIN: true, MATCH: true, LAUNCH: true });
    expect(byTemplate('BOARD_REVERSE_6_MONTH')[0].guide[0]).toEqual({ key: 'RECRUIT', done: true });

    const sam = await t.server.db.getRepository(PersonEntity).findOneByOrFail({ email: 'sam.senior@northshore.example' });
    const mine = await t.api.as(await t.make.signIn(sam)).ok(`{ pairs(mine: true, first: 5) { nodes { programme { name } sessionPrompts { focusTopics curriculumMonth { topic prompts } } } } }`);
    const samJo = mine.pairs.nodes.find((p: { programme: { name: string } }) => p.programme.name === '2026 Reciprocal Mentoring Cohort');
    expect(samJo.sessionPrompts.curriculumMonth.topic).toBeTruthy();
    expect(samJo.sessionPrompts.focusTopics.length).toBeGreaterThan(0);
  });
});
