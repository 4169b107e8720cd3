import { apiSuite } from '../helpers/suite';
import { Api } from '../helpers/api';
import { gid } from '../helpers/factories';
import { answerAndClose, BANK, cohort, COMPARE, openPhase, split } from '../helpers/evaluation';
import { Role } from '../../server/src/modules/person/membership.entity';

/**
 * The questionnaire comparison: a group's change is shown only with five or more respondents in
 * BOTH questionnaires; no comparison shows a figure its questionnaire's own results would not
 * (so comparing different pairs of questionnaires cannot be subtracted into a small group); and
 * nothing links one person's answers across questionnaires.
 */
const t = apiSuite();

const RESULTS = `query ($id: ID!) { questionnaireResults(questionnaireId: $id) { questions { question { bankQuestionId }
  overall { shown agreedPercent respondents } senior { shown agreedPercent respondents } junior { shown agreedPercent respondents } } } }`;

describe('five or more in both questionnaires', () => {
  it('5 seniors at baseline but 4 at closing: seniors withheld, and the overall figure with them; juniors (5 and 5) shown', async () => {
    const c = await cohort(t, 5);
    const baseline = await openPhase(t, c, 'BASELINE');
    const closing = await openPhase(t, c, 'CLOSING');
    await answerAndClose(t, c, baseline, [...split(c.seniors, 3), ...split(c.juniors, 1)]);
    await answerAndClose(t, c, closing, [...split(c.seniors.slice(0, 4), 4), ...split(c.juniors, 4)]);
    const q = (await t.api.as(c.manager.token).ok(COMPARE, { from: baseline.id, to: closing.id })).questionnaireComparison.questions[0];
    expect(q.senior).toEqual({
      group: 'SENIOR', shown: false, fromRespondents: null, toRespondents: null, fromAgreedPercent: null, toAgreedPercent: null, change: null,
      note: 'Not compared: in the end-of-programme questionnaire, fewer than 5 responses: not shown, to keep answers anonymous.',
    });
    // overall minus juniors would give the four seniors' answers
    expect(q.overall).toMatchObject({ shown: false, change: null });
    expect(q.overall.note).toMatch(/^Not compared: in the end-of-programme questionnaire, withheld: one group has fewer than 5/);
    expect(q.junior).toMatchObject({ shown: true, fromRespondents: 5, toRespondents: 5, fromAgreedPercent: 20, toAgreedPercent: 80, change: 60 });
  });

  it('4 juniors at baseline, 5 at closing: juniors withheld; an open questionnaire is never compared', async () => {
    const c = await cohort(t, 5);
    const baseline = await openPhase(t, c, 'BASELINE');
    const mid = await openPhase(t, c, 'MID_POINT');
    await answerAndClose(t, c, baseline, [...split(c.seniors, 5), ...split(c.juniors.slice(0, 4), 2)]);
    for (const [person, likert] of [...split(c.seniors, 5), ...split(c.juniors, 5)]) {
      const input = { questionnaireId: mid.id, answers: mid.questions.filter((x) => x.kind === 'LIKERT').map((x) => ({ questionKey: x.key, likert })) };
      expect((await t.api.as(person.token).mutation(`mutation ($input: SubmitQuestionnaireResponseInput!) { submitQuestionnaireResponse(input: $input) { userErrors { code } } }`, input)).userErrors).toEqual([]);
    }
    const open = (await t.api.as(c.manager.token).ok(COMPARE, { from: baseline.id, to: mid.id })).questionnaireComparison.questions[0];
    for (const group of ['overall', 'senior', 'junior']) {
      expect(open[group]).toMatchObject({ shown: false, fromAgreedPercent: null, toAgreedPercent: null, change: null });
    }
    expect(open.senior.note).toBe('Not compared until both questionnaires are closed: answers still coming in could be worked out from the change.');
    await t.api.as(c.manager.token).mutation(`mutation ($input: CloseQuestionnaireInput!) { closeQuestionnaire(input: $input) { userErrors { code } } }`, { questionnaireId: mid.id });
    const closed = (await t.api.as(c.manager.token).ok(COMPARE, { from: baseline.id, to: mid.id })).questionnaireComparison.questions[0];
    expect(closed.senior).toMatchObject({ shown: true, fromAgreedPercent: 100, toAgreedPercent: 100, change: 0 });
    expect(closed.junior).toMatchObject({ shown: false });
    expect(closed.junior.note).toMatch(/^Not compared: in the baseline questionnaire, fewer than 5 responses/);
    expect(closed.overall).toMatchObject({ shown: false });
  });
});

describe('no differencing across comparisons', () => {
  it('every figure any comparison shows is one its own questionnaire shows anyway, and nothing else', async () => {
    const c = await cohort(t, 6);
    const [baseline, mid, closing] = [await openPhase(t, c, 'BASELINE'), await openPhase(t, c, 'MID_POINT'), await openPhase(t, c, 'CLOSING')];
    // juniors: 6, then 4 (one group below K), then 5; seniors: 5, 6, 5
    await answerAndClose(t, c, baseline, [...split(c.seniors.slice(0, 5), 2), ...split(c.juniors, 3)]);
    await answerAndClose(t, c, mid, [...split(c.seniors, 4), ...split(c.juniors.slice(0, 4), 1)]);
    await answerAndClose(t, c, closing, [...split(c.seniors.slice(1), 5), ...split(c.juniors.slice(1), 4)]);
    const results = new Map<string, any>();
    for (const q of [baseline, mid, closing]) results.set(q.id, (await t.api.as(c.manager.token).ok(RESULTS, { id: q.id })).questionnaireResults);

    const pairs = [[baseline, mid], [mid, closing], [baseline, closing]];
    let shownSomewhere = 0;
    for (const [from, to] of pairs) {
      const comparison = (await t.api.as(c.manager.token).ok(COMPARE, { from: from.id, to: to.id })).questionnaireComparison;
      for (const question of comparison.questions) {
        for (const group of ['overall', 'senior', 'junior']) {
          const change = question[group];
          const own = (id: string) => results.get(id).questions.find((r: any) => r.question.bankQuestionId === question.question.bankQuestionId)[group];
          const [before, after] = [own(from.id), own(to.id)];
          if (change.shown) {
            shownSomewhere++;
            expect(before.shown && after.shown).toBe(true);
            expect([change.fromAgreedPercent, change.fromRespondents, change.toAgreedPercent, change.toRespondents]).toEqual([before.agreedPercent, before.respondents, after.agreedPercent, after.respondents]);
          } else {
            expect(before.shown && after.shown).toBe(false);
          }
        }
      }
    }
    expect(shownSomewhere).toBeGreaterThan(0);
    // juniors are compared baseline→closing (6 and 5) but never through the mid-point (4): and the mid-point's
    // four juniors stay hidden however the comparisons are combined, since no comparison carries them
    const viaMid = (await t.api.as(c.manager.token).ok(COMPARE, { from: mid.id, to: closing.id })).questionnaireComparison.questions[0];
    const direct = (await t.api.as(c.manager.token).ok(COMPARE, { from: baseline.id, to: closing.id })).questionnaireComparison.questions[0];
    expect(viaMid.junior.shown).toBe(false);
    expect(direct.junior).toMatchObject({ shown: true, fromRespondents: 6, toRespondents: 5 });
    expect(JSON.stringify([viaMid, direct])).not.toMatch(/"fromRespondents":4|"toRespondents":4/);
  });
});

describe('one person’s answers are never linked across questionnaires', () => {
  it('no respondent id anywhere: responses share nothing with participation, nor with each other, but the questionnaire', async () => {
    const c = await cohort(t, 5);
    const baseline = await openPhase(t, c, 'BASELINE');
    const closing = await openPhase(t, c, 'CLOSING');
    await answerAndClose(t, c, baseline, split(c.seniors, 2));
    await answerAndClose(t, c, closing, split(c.seniors, 5));
    const columns = async (table: string) =>
      (await t.server.db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`, [table])).map((r: any) => r.column_name);
    expect(await columns('questionnaire_response')).toEqual(['id', 'likert', 'questionnaire_id', 'respondent_group', 'texts']);
    expect(await columns('questionnaire_participation')).toEqual(['id', 'person_id', 'questionnaire_id']);
    // the only foreign key either table holds besides the person's is the questionnaire
    const keys = await t.server.db.query(
      `SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
       WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name IN ('questionnaire_response', 'questionnaire_participation') ORDER BY 1, 2`,
    );
    expect(keys).toEqual([
      { table_name: 'questionnaire_participation', column_name: 'person_id' },
      { table_name: 'questionnaire_participation', column_name: 'questionnaire_id' },
      { table_name: 'questionnaire_response', column_name: 'questionnaire_id' },
    ]);
    // one senior answered both; joined on everything they have in common, their two responses are indistinguishable from any other senior's
    const mine = await t.server.db.query(`SELECT questionnaire_id FROM questionnaire_participation WHERE person_id = $1 ORDER BY questionnaire_id`, [c.seniors[0].person.id]);
    expect(mine).toHaveLength(2);
    const candidates = await t.server.db.query(
      `SELECT r.id FROM questionnaire_participation p JOIN questionnaire_response r ON r.questionnaire_id = p.questionnaire_id WHERE p.person_id = $1`,
      [c.seniors[0].person.id],
    );
    expect(candidates).toHaveLength(10); // all five responses of each questionnaire: nothing narrows it to theirs
    // and through the API: no type has a respondent id or a list of responses
    const schema = await t.api.as(c.manager.token).ok(`{ __schema { types { name fields { name } } } }`);
    const fieldNames = schema.__schema.types.flatMap((type: any) => (type.fields ?? []).map((f: any) => `${type.name}.${f.name}`));
    expect(fieldNames.filter((name: string) => /respondentId|responseId|\.responses$|\.respondentList$/i.test(name))).toEqual([]);
  });
});

describe('who may compare', () => {
  it('the organisation’s managers only', async () => {
    const c = await cohort(t, 1);
    const baseline = await openPhase(t, c, 'BASELINE');
    const closing = await openPhase(t, c, 'CLOSING');
    const variables = { from: baseline.id, to: closing.id };
    expect(Api.codes(await t.api.request(COMPARE, variables))).toEqual(['UNAUTHENTICATED']);
    expect(Api.codes(await t.api.as(c.seniors[0].token).request(COMPARE, variables))).toEqual(['FORBIDDEN']);
    const owner = await t.make.person({ organisation: c.organisation, roles: [Role.OWNER] });
    expect(Api.codes(await t.api.as(owner.token).request(COMPARE, variables))).toEqual(['FORBIDDEN']);
    const stranger = await t.make.person({ roles: [Role.PROGRAMME_MANAGER] });
    expect(Api.codes(await t.api.as(stranger.token).request(COMPARE, variables))).toEqual(['NOT_FOUND']);
    // a manager cannot compare their questionnaire with another organisation's
    const other = await cohort(t, 0);
    const theirs = await openPhase(t, other, 'BASELINE');
    expect(Api.codes(await t.api.as(c.manager.token).request(COMPARE, { from: baseline.id, to: theirs.id }))).toEqual(['NOT_FOUND']);
    expect(Api.codes(await t.api.as(c.manager.token).request(BANK, { org: gid('Organisation', other.organisation.id) }))).toEqual(['NOT_FOUND']);
  });
});
