import type { OrganisationEntity } from '../../server/src/modules/organisation/organisation.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import type { ProgrammeEntity } from '../../server/src/modules/programme/programme.entity';
import type { Api } from './api';
import type { coLearning } from './co-learning';
import { gid, type factories, type TestPerson } from './factories';

export const OPEN = `mutation ($input: OpenQuestionnaireInput!) { openQuestionnaire(input: $input) {
  questionnaire { id title phase status questions { key kind prompt bankQuestionId } } userErrors { field code message } } }`;
export const CLOSE = `mutation ($input: CloseQuestionnaireInput!) { closeQuestionnaire(input: $input) { questionnaire { status } userErrors { code } } }`;
export const SUBMIT = `mutation ($input: SubmitQuestionnaireResponseInput!) { submitQuestionnaireResponse(input: $input) { userErrors { field code message } } }`;
export const BANK = `query ($org: ID) { questionBank(organisationId: $org) { id kind prompt standard } }`;
export const ADD_QUESTION = `mutation ($input: AddBankQuestionInput!) { addBankQuestion(input: $input) { question { id kind prompt standard } userErrors { field code message } } }`;
const CHANGE_FIELDS = 'group shown fromRespondents toRespondents fromAgreedPercent toAgreedPercent change note';
export const COMPARE = `query ($from: ID!, $to: ID!) { questionnaireComparison(fromQuestionnaireId: $from, toQuestionnaireId: $to) {
  threshold note from { id phase } to { id phase }
  questions { question { key prompt bankQuestionId } overall { ${CHANGE_FIELDS} } senior { ${CHANGE_FIELDS} } junior { ${CHANGE_FIELDS} } } } }`;

interface Suite {
  api: Api;
  make: ReturnType<typeof factories>;
  co: ReturnType<typeof coLearning>;
}

export interface Cohort {
  organisation: OrganisationEntity;
  manager: TestPerson;
  programme: ProgrammeEntity;
  seniors: TestPerson[];
  juniors: TestPerson[];
}

/** A programme with `pairs` active pairs and its manager. */
export async function cohort(t: Suite, pairs: number): Promise<Cohort> {
  const organisation = await t.make.organisation();
  const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER], name: 'Pat Manager' });
  const programme = await t.co.programme(organisation, { name: `Cohort ${Math.random().toString(36).slice(2, 6)}` });
  const seniors: TestPerson[] = [];
  const juniors: TestPerson[] = [];
  for (let i = 0; i < pairs; i++) {
    const senior = await t.make.person({ organisation, name: `Senior ${i}` });
    const junior = await t.make.person({ organisation, name: `Junior ${i}` });
    await t.co.pair(programme, senior.person, junior.person);
    seniors.push(senior);
    juniors.push(junior);
  }
  return { organisation, manager, programme, seniors, juniors };
}

/** Opens a questionnaire of the given phase with these bank questions (ids) or the standard ones. */
export async function openPhase(t: Suite, c: Cohort, phase: string, questionIds?: string[]) {
  const opened = await t.api.as(c.manager.token).mutation(OPEN, { programmeId: gid('Programme', c.programme.id), phase, ...(questionIds ? { questionIds } : {}) });
  expect(opened.userErrors).toEqual([]);
  return opened.questionnaire as { id: string; title: string; phase: string; questions: { key: string; kind: string; prompt: string; bankQuestionId: string }[] };
}

/** Each listed person answers every LIKERT question with the same answer; then the manager closes it. */
export async function answerAndClose(t: Suite, c: Cohort, questionnaire: { id: string; questions: { key: string; kind: string }[] }, answers: [TestPerson, string][]) {
  for (const [person, likert] of answers) {
    const input = { questionnaireId: questionnaire.id, answers: questionnaire.questions.filter((q) => q.kind === 'LIKERT').map((q) => ({ questionKey: q.key, likert })) };
    expect((await t.api.as(person.token).mutation(SUBMIT, input)).userErrors).toEqual([]);
  }
  expect((await t.api.as(c.manager.token).mutation(CLOSE, { questionnaireId: questionnaire.id })).userErrors).toEqual([]);
}

/** `n` of `people` answer `agree` (AGREE), the rest DISAGREE. */
export const split = (people: TestPerson[], agreeing: number): [TestPerson, string][] => people.map((p, i) => [p, i < agreeing ? 'AGREE' : 'DISAGREE']);
