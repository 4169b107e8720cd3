import { K_ANONYMITY } from '../../common/anonymity';
import { badInput, forbidden, notFound } from '../../common/errors';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { PHASE_ORDER, QuestionKind, QuestionnaireEntity, type QuestionnaireItem, QuestionnaireStatus } from './evaluation.entity';
import { evaluationPolicy } from './evaluation.policy';
import { EvaluationService, PHASE_TITLES } from './evaluation.service';
import { type GroupChange, type ItemFigure, Questionnaire, type QuestionnaireComparison, type QuestionResult, questionOf, ResultGroup } from './evaluation.type';

/** How a question is recognised in two questionnaires: its bank question, or (before the bank) its wording. */
const matchKey = (item: QuestionnaireItem) => item.bankQuestionId ?? `prompt:${item.prompt}`;

/** Earlier phase first; two of a phase cannot exist, but opening time breaks any tie. */
const chronological = (a: QuestionnaireEntity, b: QuestionnaireEntity) =>
  PHASE_ORDER.indexOf(a.phase) - PHASE_ORDER.indexOf(b.phase) || a.openedAt.getTime() - b.openedAt.getTime();

/**
 * The change in "% agreed" between two questionnaires of one programme, per group.
 *
 * Privacy, in three rules:
 * 1. Nothing is paired person by person: there is no respondent id to pair by (see
 *    QuestionnaireParticipationEntity). Each side is the group aggregate of its own questionnaire.
 * 2. Each side is exactly the figure that questionnaire's own results show (EvaluationService.results:
 *    closed questionnaires only, a group of at least K respondents, the overall figure withheld
 *    while either side of the pairs has 1 to K−1). A group is shown only where it is shown in BOTH.
 * 3. Therefore no differencing: a figure shown in one comparison and withheld in another (say,
 *    baseline→closing shows juniors but mid-point→closing does not) is a figure the manager can read
 *    on that questionnaire's own results anyway. Comparisons add only the subtraction of two figures
 *    that are themselves K-safe, never a figure for a smaller group.
 */
export class QuestionnaireComparisonService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  /** For the query: both must be visible, managed by the viewer, of one programme, and different. */
  async compare(firstId: string, secondId: string): Promise<QuestionnaireComparison> {
    const evaluation = new EvaluationService(this.ctx);
    const [first, second] = await Promise.all([evaluation.visible(firstId), evaluation.visible(secondId)]);
    if (!first || !second) throw notFound('That questionnaire');
    if (!evaluationPolicy.canManage(this.viewer, first.organisationId) || !evaluationPolicy.canManage(this.viewer, second.organisationId)) {
      throw forbidden('Only programme managers of this organisation can compare its questionnaires.');
    }
    if (first.id === second.id) throw badInput('Choose two different questionnaires to compare.');
    if (first.programmeId !== second.programmeId) throw badInput('Only questionnaires of the same programme can be compared.');
    return this.between(first, second);
  }

  /** A programme's first and last questionnaires, or null when it has fewer than two (the board report). */
  async firstToLast(programmeId: string): Promise<QuestionnaireComparison | null> {
    const all = await this.ctx.db.getRepository(QuestionnaireEntity).findBy({ programmeId });
    if (all.length < 2) return null;
    const sorted = [...all].sort(chronological);
    return this.between(sorted[0], sorted[sorted.length - 1]);
  }

  private async between(a: QuestionnaireEntity, b: QuestionnaireEntity): Promise<QuestionnaireComparison> {
    const [from, to] = [a, b].sort(chronological);
    const evaluation = new EvaluationService(this.ctx);
    const [before, after] = await Promise.all([evaluation.results(from), evaluation.results(to)]);
    // Either still open: its results withhold everything, and so does the comparison, with one reason.
    const open = from.status !== QuestionnaireStatus.CLOSED || to.status !== QuestionnaireStatus.CLOSED;
    const beforeByKey = new Map(from.items.map((item, i) => [matchKey(item), before.questions[i]]));
    const questions = to.items.flatMap((item, i) => {
      const earlier = beforeByKey.get(matchKey(item));
      if (item.kind !== QuestionKind.LIKERT || !earlier || earlier.question.kind !== QuestionKind.LIKERT) return [];
      const later: QuestionResult = after.questions[i];
      const names = { from: PHASE_TITLES[from.phase], to: PHASE_TITLES[to.phase], open };
      return [
        {
          question: questionOf(item),
          overall: change(ResultGroup.ALL, earlier.overall, later.overall, names),
          senior: change(ResultGroup.SENIOR, earlier.senior, later.senior, names),
          junior: change(ResultGroup.JUNIOR, earlier.junior, later.junior, names),
        },
      ];
    });
    return {
      threshold: K_ANONYMITY,
      from: Questionnaire.from(from),
      to: Questionnaire.from(to),
      questions,
      note: questions.length === 0 ? 'The two questionnaires share no agreement question, so there is nothing to compare.' : null,
    };
  }
}

/** One group's change: shown only when both sides are shown; otherwise the first reason, naming the questionnaire. */
function change(group: ResultGroup, before: ItemFigure, after: ItemFigure, names: { from: string; to: string; open: boolean }): GroupChange {
  if (names.open || !before.shown || !after.shown || before.agreedPercent === null || after.agreedPercent === null) {
    const [name, figure] = !before.shown ? [names.from, before] : [names.to, after];
    const note = names.open ? OPEN_NOTE : `Not compared: in the ${name}, ${lowerFirst(figure.note ?? 'there are no answers to compare.')}`;
    return { group, shown: false, fromRespondents: null, toRespondents: null, fromAgreedPercent: null, toAgreedPercent: null, change: null, note };
  }
  return {
    group,
    shown: true,
    fromRespondents: before.respondents,
    toRespondents: after.respondents,
    fromAgreedPercent: before.agreedPercent,
    toAgreedPercent: after.agreedPercent,
    change: after.agreedPercent - before.agreedPercent,
    note: null,
  };
}

const OPEN_NOTE = 'Not compared until both questionnaires are closed: answers still coming in could be worked out from the change.';
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
