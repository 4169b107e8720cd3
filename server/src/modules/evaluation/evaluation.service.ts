import { Brackets } from 'typeorm';
import { K_ANONYMITY } from '../../common/anonymity';
import { DomainError, forbidden, UserErrorCode } from '../../common/errors';
import { type ConnectionArgs, paginate } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { Role } from '../person/membership.entity';
import { ProgrammeEntity } from '../programme/programme.entity';
import {
  QuestionKind,
  type QuestionnaireItem,
  QuestionnaireEntity,
  QuestionnaireParticipationEntity,
  QuestionnaireResponseEntity,
  QuestionnairePhase,
  QuestionnaireStatus,
  RespondentGroup,
} from './evaluation.entity';
import type { AnswerInput, QuestionInput } from './evaluation.inputs';
import { personKey } from './evaluation.loaders';
import { evaluationPolicy } from './evaluation.policy';
import { type ItemFigure, LIKERT_SCALE, questionOf, type QuestionnaireResults, ResultGroup } from './evaluation.type';
import { QuestionBankService } from './evaluation.bank';

/** No figure is shown for a group of fewer respondents than this: the one small-group K (common/anonymity.ts). */
export const K_ANONYMITY_THRESHOLD = K_ANONYMITY;

export { DEFAULT_QUESTIONS } from './evaluation.bank';

/** How a phase's questionnaire is named by default: "<programme>: baseline questionnaire". */
export const PHASE_TITLES: Record<QuestionnairePhase, string> = {
  BASELINE: 'baseline questionnaire',
  MID_POINT: 'mid-point questionnaire',
  CLOSING: 'end-of-programme questionnaire',
};

const AGREED_FROM = 4; // AGREE and STRONGLY_AGREE
const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505';

interface GroupedCounts {
  SENIOR: number;
  JUNIOR: number;
}

/** The end-of-programme questionnaire: opened and closed by managers, answered once by co-learners, read only in aggregate. */
export class EvaluationService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  /** The viewer's side in the programme's pairs, or null if they are not one of its co-learners. */
  groupOf(programmeId: string): Promise<RespondentGroup | null> {
    return this.ctx.loaders.evaluation.groupInProgramme.load(personKey(programmeId, this.viewer.personId));
  }

  hasResponded(questionnaireId: string): Promise<boolean> {
    return this.ctx.loaders.evaluation.hasResponded.load(personKey(questionnaireId, this.viewer.personId));
  }

  /** A questionnaire the viewer may see, or null. */
  async visible(id: string): Promise<QuestionnaireEntity | null> {
    const questionnaire = await this.ctx.loaders.evaluation.questionnaire.load(id);
    if (!questionnaire) return null;
    return evaluationPolicy.canSee(this.viewer, questionnaire, await this.groupOf(questionnaire.programmeId)) ? questionnaire : null;
  }

  /** Questionnaires of the organisations the viewer manages, and of the programmes they co-learn in; newest first. */
  list(args: ConnectionArgs, programmeId: string | null) {
    const managed = this.viewer.memberships.filter((m) => m.roles.includes(Role.PROGRAMME_MANAGER)).map((m) => m.organisationId);
    const query = this.ctx.db
      .getRepository(QuestionnaireEntity)
      .createQueryBuilder('q')
      .where(
        new Brackets((visible) =>
          visible
            .where('q.organisation_id = ANY(:managed::uuid[])', { managed })
            .orWhere(
              `q.programme_id IN (SELECT p.programme_id FROM pair p WHERE (p.senior_id = :me OR p.junior_id = :me) AND p.status <> 'PROPOSED')`,
              { me: this.viewer.personId },
            ),
        ),
      );
    if (programmeId) query.andWhere('q.programme_id = :programmeId', { programmeId });
    return paginate(
      query,
      { name: 'questionnaires', direction: 'DESC', keys: [{ sql: 'q.opened_at', value: (q) => q.openedAt }, { sql: 'q.id', value: (q) => q.id }] },
      args,
      (q) => q,
    );
  }

  async open(input: {
    programmeId: string;
    phase?: QuestionnairePhase | null;
    title?: string | null;
    questionIds?: string[] | null;
    questions?: QuestionInput[] | null;
  }): Promise<QuestionnaireEntity> {
    const programme = await this.ctx.db.getRepository(ProgrammeEntity).findOneBy({ id: input.programmeId });
    if (!programme || !this.viewer.isMemberOf(programme.organisationId)) {
      throw new DomainError(UserErrorCode.NOT_FOUND, 'That programme does not exist or is not visible to you.', ['input', 'programmeId']);
    }
    if (!evaluationPolicy.canManage(this.viewer, programme.organisationId)) {
      throw new DomainError(UserErrorCode.FORBIDDEN, 'Only a programme manager of this organisation can open its questionnaire.');
    }
    if (input.questionIds && input.questions) {
      throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose questions from the bank or write them, not both.', ['input', 'questions']);
    }
    const phase = input.phase ?? QuestionnairePhase.CLOSING;
    const bank = new QuestionBankService(this.ctx);
    try {
      return await this.ctx.db.transaction(async (tx) => {
        const chosen = input.questionIds
          ? await bank.pick(tx, programme.organisationId, input.questionIds)
          : input.questions
            ? await bank.adopt(tx, programme.organisationId, input.questions)
            : await bank.standard(tx, programme.organisationId);
        const items: QuestionnaireItem[] = chosen.map((q, i) => ({ key: `q${i + 1}`, kind: q.kind, prompt: q.prompt, bankQuestionId: q.id }));
        const repository = tx.getRepository(QuestionnaireEntity);
        return repository.save(
          repository.create({
            organisationId: programme.organisationId,
            programmeId: programme.id,
            phase,
            title: input.title?.trim() || `${programme.name}: ${PHASE_TITLES[phase]}`,
            items,
            openedById: this.viewer.personId,
          }),
        );
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new DomainError(UserErrorCode.ALREADY_EXISTS, `This programme already has its ${PHASE_TITLES[phase]}.`, ['input', 'phase']);
    }
  }

  async close(id: string): Promise<QuestionnaireEntity> {
    const questionnaire = await this.visible(id);
    if (!questionnaire) throw new DomainError(UserErrorCode.NOT_FOUND, 'That questionnaire does not exist or is not visible to you.', ['input', 'questionnaireId']);
    if (!evaluationPolicy.canManage(this.viewer, questionnaire.organisationId)) {
      throw new DomainError(UserErrorCode.FORBIDDEN, 'Only a programme manager of this organisation can close its questionnaire.');
    }
    const closedAt = new Date();
    const result = await this.ctx.db
      .getRepository(QuestionnaireEntity)
      .update({ id, status: QuestionnaireStatus.OPEN }, { status: QuestionnaireStatus.CLOSED, closedAt });
    if (!result.affected) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This questionnaire is already closed.');
    return { ...questionnaire, status: QuestionnaireStatus.CLOSED, closedAt };
  }

  /**
   * Records one co-learner's answers: a participation row (who) and a response row (what, with the
   * group only), in one transaction. The two share nothing: no id, no timestamp.
   */
  async respond(id: string, answers: AnswerInput[]): Promise<QuestionnaireEntity> {
    const notFoundError = new DomainError(UserErrorCode.NOT_FOUND, 'That questionnaire does not exist or is not visible to you.', ['input', 'questionnaireId']);
    const questionnaire = await this.ctx.loaders.evaluation.questionnaire.load(id);
    if (!questionnaire) throw notFoundError;
    const group = await this.groupOf(questionnaire.programmeId);
    if (!group) {
      if (!evaluationPolicy.canManage(this.viewer, questionnaire.organisationId)) throw notFoundError;
      throw new DomainError(UserErrorCode.FORBIDDEN, 'Only the programme’s co-learners answer its questionnaire.');
    }
    const { likert, texts } = this.checkAnswers(questionnaire.items, answers);

    await this.ctx.db.transaction(async (tx) => {
      // Lock against a concurrent close: an answer is taken only while the questionnaire is open.
      const current = await tx.getRepository(QuestionnaireEntity).createQueryBuilder('q').setLock('pessimistic_read').where('q.id = :id', { id }).getOne();
      if (current?.status !== QuestionnaireStatus.OPEN) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This questionnaire is closed.');
      try {
        await tx.getRepository(QuestionnaireParticipationEntity).insert({ questionnaireId: id, personId: this.viewer.personId });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new DomainError(UserErrorCode.ALREADY_USED, 'You have already answered this questionnaire.');
      }
      await tx.getRepository(QuestionnaireResponseEntity).insert({ questionnaireId: id, group, likert, texts });
    });
    this.ctx.loaders.evaluation.hasResponded.clear(personKey(id, this.viewer.personId)).prime(personKey(id, this.viewer.personId), true);
    return questionnaire;
  }

  /** Every LIKERT question answered, TEXT questions optional, no unknown or mismatched answers. */
  private checkAnswers(items: QuestionnaireItem[], answers: AnswerInput[]) {
    const likert: Record<string, number> = {};
    const texts: Record<string, string> = {};
    const byKey = new Map(items.map((item) => [item.key, item]));
    answers.forEach((answer, i) => {
      const field = ['input', 'answers', String(i)];
      const item = byKey.get(answer.questionKey);
      if (!item) throw new DomainError(UserErrorCode.INVALID_INPUT, 'There is no such question in this questionnaire.', [...field, 'questionKey']);
      if (answer.questionKey in likert || answer.questionKey in texts) {
        throw new DomainError(UserErrorCode.INVALID_INPUT, 'Answer each question once.', [...field, 'questionKey']);
      }
      if (item.kind === QuestionKind.LIKERT) {
        if (!answer.likert || answer.text) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose one answer on the scale.', [...field, 'likert']);
        likert[item.key] = LIKERT_SCALE.indexOf(answer.likert) + 1;
      } else {
        if (answer.likert) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Answer this question in words.', [...field, 'text']);
        const text = answer.text?.trim();
        if (text) texts[item.key] = text;
      }
    });
    const missing = items.find((item) => item.kind === QuestionKind.LIKERT && !(item.key in likert));
    if (missing) throw new DomainError(UserErrorCode.INVALID_INPUT, `Answer every question on the scale; "${missing.prompt}" has no answer.`, ['input', 'answers']);
    return { likert, texts };
  }

  /**
   * Results in aggregate, for the organisation's programme managers; FORBIDDEN for anyone else.
   * Figures appear only once the questionnaire is closed: read before and after one more response,
   * live figures would give that person's answers away.
   */
  async results(questionnaire: QuestionnaireEntity): Promise<QuestionnaireResults> {
    if (!evaluationPolicy.canManage(this.viewer, questionnaire.organisationId)) {
      throw forbidden('Only programme managers of this organisation can read the results.');
    }
    const id = questionnaire.id;
    const [groupRows, likertRows, textRows, [eligible]] = await Promise.all([
      this.ctx.db.query(`SELECT respondent_group AS grp, count(*)::int AS n FROM questionnaire_response WHERE questionnaire_id = $1 GROUP BY respondent_group`, [id]),
      this.ctx.db.query(
        `SELECT r.respondent_group AS grp, a.key, a.value::int AS value, count(*)::int AS n
         FROM questionnaire_response r CROSS JOIN LATERAL jsonb_each_text(r.likert) AS a(key, value)
         WHERE r.questionnaire_id = $1 GROUP BY 1, 2, 3`,
        [id],
      ),
      this.ctx.db.query(
        `SELECT r.respondent_group AS grp, a.key, array_agg(a.value ORDER BY a.value) AS answers
         FROM questionnaire_response r CROSS JOIN LATERAL jsonb_each_text(r.texts) AS a(key, value)
         WHERE r.questionnaire_id = $1 GROUP BY 1, 2`,
        [id],
      ),
      this.ctx.db.query(
        `SELECT count(DISTINCT person)::int AS n FROM pair p CROSS JOIN LATERAL unnest(ARRAY[p.senior_id, p.junior_id]) AS person
         WHERE p.programme_id = $1 AND p.status <> 'PROPOSED'`,
        [questionnaire.programmeId],
      ),
    ]);
    const open = questionnaire.status !== QuestionnaireStatus.CLOSED;
    const respondents: GroupedCounts = { SENIOR: 0, JUNIOR: 0 };
    for (const row of groupRows as { grp: RespondentGroup; n: number }[]) respondents[row.grp] = row.n;

    const distribution = (group: RespondentGroup, key: string) => {
      const counts = [0, 0, 0, 0, 0];
      for (const row of likertRows as { grp: RespondentGroup; key: string; value: number; n: number }[]) {
        if (row.grp === group && row.key === key) counts[row.value - 1] += row.n;
      }
      return counts;
    };
    const textsOf = (group: RespondentGroup, key: string): string[] =>
      (textRows as { grp: RespondentGroup; key: string; answers: string[] }[]).find((row) => row.grp === group && row.key === key)?.answers ?? [];

    return {
      threshold: K_ANONYMITY_THRESHOLD,
      eligibleCount: eligible.n,
      respondentCount: respondents.SENIOR + respondents.JUNIOR,
      questions: questionnaire.items.map((item) => {
        const parts = {
          SENIOR: { distribution: distribution(RespondentGroup.SENIOR, item.key), answers: textsOf(RespondentGroup.SENIOR, item.key) },
          JUNIOR: { distribution: distribution(RespondentGroup.JUNIOR, item.key), answers: textsOf(RespondentGroup.JUNIOR, item.key) },
        };
        const overall = {
          distribution: parts.SENIOR.distribution.map((n, i) => n + parts.JUNIOR.distribution[i]),
          answers: [...parts.SENIOR.answers, ...parts.JUNIOR.answers].sort(),
        };
        return {
          question: questionOf(item),
          overall: figure(item, ResultGroup.ALL, respondents, overall, open),
          senior: figure(item, ResultGroup.SENIOR, respondents, parts.SENIOR, open),
          junior: figure(item, ResultGroup.JUNIOR, respondents, parts.JUNIOR, open),
        };
      }),
    };
  }
}

/**
 * One group's figure for one question, or a withheld one. A group is shown only with at least
 * K_ANONYMITY_THRESHOLD respondents; the overall figure is also withheld while either group has
 * 1 to 4 respondents, since overall minus the other group would give the small group's answers.
 */
function figure(
  item: QuestionnaireItem,
  group: ResultGroup,
  respondents: GroupedCounts,
  data: { distribution: number[]; answers: string[] },
  open: boolean,
): ItemFigure {
  const small = (n: number) => n > 0 && n < K_ANONYMITY_THRESHOLD;
  const n = group === ResultGroup.ALL ? respondents.SENIOR + respondents.JUNIOR : respondents[group];
  const withheld = (note: string): ItemFigure => ({ group, shown: false, respondents: null, agreedPercent: null, distribution: null, answers: null, note });
  if (open) return withheld('Shown when the questionnaire closes, so that no one’s answers can be worked out by comparing results over time.');
  if (n < K_ANONYMITY_THRESHOLD) {
    return withheld(`Fewer than ${K_ANONYMITY_THRESHOLD} responses: not shown, to keep answers anonymous.`);
  }
  if (group === ResultGroup.ALL && (small(respondents.SENIOR) || small(respondents.JUNIOR))) {
    return withheld(`Withheld: one group has fewer than ${K_ANONYMITY_THRESHOLD} responses, and the overall figure would reveal its answers.`);
  }
  if (item.kind === QuestionKind.TEXT) {
    return { group, shown: true, respondents: n, agreedPercent: null, distribution: null, answers: data.answers, note: null };
  }
  const answered = data.distribution.reduce((sum, x) => sum + x, 0);
  const agreed = data.distribution.slice(AGREED_FROM - 1).reduce((sum, x) => sum + x, 0);
  return {
    group,
    shown: true,
    respondents: n,
    agreedPercent: answered > 0 ? Math.round((agreed / answered) * 100) : null,
    distribution: data.distribution,
    answers: null,
    note: null,
  };
}

