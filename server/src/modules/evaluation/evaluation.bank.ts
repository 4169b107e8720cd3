import type { EntityManager } from 'typeorm';
import { DomainError, UserErrorCode } from '../../common/errors';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { Role } from '../person/membership.entity';
import { QuestionBankQuestionEntity, QuestionKind } from './evaluation.entity';
import type { QuestionInput } from './evaluation.inputs';
import { evaluationPolicy } from './evaluation.policy';

/** The standard co-learning evaluation questions every organisation's bank starts with, in this order. */
export const DEFAULT_QUESTIONS: QuestionInput[] = [
  { kind: QuestionKind.LIKERT, prompt: 'This programme improved my ability and competence as an inclusive leader.' },
  { kind: QuestionKind.LIKERT, prompt: 'Co-learning with my partner changed how I see barriers to equality at work.' },
  { kind: QuestionKind.LIKERT, prompt: 'The changes our pair worked on made a real difference to how this organisation works.' },
  { kind: QuestionKind.LIKERT, prompt: 'I would recommend this programme to a colleague.' },
  { kind: QuestionKind.TEXT, prompt: 'What was the most valuable thing you learned from your co-learner?' },
  { kind: QuestionKind.TEXT, prompt: 'What should the programme do differently next time?' },
];

const kindLabel = (kind: QuestionKind) => (kind === QuestionKind.LIKERT ? 'an agreement' : 'a free-text');

/**
 * An organisation's question bank: the standard questions, seeded the first time the bank is used,
 * and the ones its programme managers add. Questionnaires draw their questions from it, which is
 * what lets a baseline and a closing questionnaire be compared question by question.
 */
export class QuestionBankService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  /** The organisation a manager means: the one given, or the first they manage. */
  managedOrganisation(organisationId: string | null | undefined): string {
    const id = organisationId ?? this.viewer.memberships.find((m) => m.roles.includes(Role.PROGRAMME_MANAGER))?.organisationId;
    if (!id || !this.viewer.isMemberOf(id)) {
      throw new DomainError(UserErrorCode.NOT_FOUND, 'That organisation does not exist or is not visible to you.', ['input', 'organisationId']);
    }
    if (!evaluationPolicy.canManage(this.viewer, id)) throw new DomainError(UserErrorCode.FORBIDDEN, 'Only programme managers of this organisation use its question bank.');
    return id;
  }

  /** The bank, standard questions first (in their usual order), then the added ones, oldest first. */
  async list(organisationId: string): Promise<QuestionBankQuestionEntity[]> {
    await this.ensureStandard(this.ctx.db.manager, organisationId);
    const rows = await this.ctx.db.getRepository(QuestionBankQuestionEntity).find({ where: { organisationId }, order: { createdAt: 'ASC', prompt: 'ASC' } });
    const standardOrder = (q: QuestionBankQuestionEntity) => (q.standard ? DEFAULT_QUESTIONS.findIndex((d) => d.prompt === q.prompt) : DEFAULT_QUESTIONS.length);
    return rows.sort((a, b) => standardOrder(a) - standardOrder(b));
  }

  async add(organisationId: string | null | undefined, kind: QuestionKind, prompt: string): Promise<QuestionBankQuestionEntity> {
    const orgId = this.managedOrganisation(organisationId);
    const duplicate = new DomainError(UserErrorCode.ALREADY_EXISTS, 'That question is already in the bank.', ['input', 'prompt']);
    try {
      return await this.ctx.db.transaction(async (tx) => {
        await this.ensureStandard(tx, orgId);
        const text = prompt.trim();
        if (await tx.getRepository(QuestionBankQuestionEntity).existsBy({ organisationId: orgId, prompt: text })) throw duplicate;
        return tx.getRepository(QuestionBankQuestionEntity).save({ organisationId: orgId, kind, prompt: text, standard: false, addedById: this.viewer.personId });
      });
    } catch (error) {
      // Two managers adding the same question at once: the unique key answers the second.
      if ((error as { code?: string })?.code === '23505') throw duplicate;
      throw error;
    }
  }

  /** Bank questions by id, in the order given; every one must be in the organisation's bank. */
  async pick(tx: EntityManager, organisationId: string, ids: string[]): Promise<QuestionBankQuestionEntity[]> {
    if (new Set(ids).size !== ids.length) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose each question once.', ['input', 'questionIds']);
    const rows = await tx.getRepository(QuestionBankQuestionEntity).createQueryBuilder('q').where('q.id = ANY(:ids::uuid[])', { ids }).andWhere('q.organisation_id = :organisationId', { organisationId }).getMany();
    const byId = new Map(rows.map((q) => [q.id, q]));
    return ids.map((id, i) => {
      const question = byId.get(id);
      if (!question) throw new DomainError(UserErrorCode.NOT_FOUND, 'That question is not in your organisation’s question bank.', ['input', 'questionIds', String(i)]);
      return question;
    });
  }

  /** Questions written for one questionnaire join the bank (or are found there), so they can be asked again and compared. */
  async adopt(tx: EntityManager, organisationId: string, questions: QuestionInput[]): Promise<QuestionBankQuestionEntity[]> {
    await this.ensureStandard(tx, organisationId);
    const repository = tx.getRepository(QuestionBankQuestionEntity);
    const result: QuestionBankQuestionEntity[] = [];
    for (const [i, question] of questions.entries()) {
      const prompt = question.prompt.trim();
      const field = ['input', 'questions', String(i), 'prompt'];
      if (result.some((q) => q.prompt === prompt)) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Ask each question once.', field);
      const existing = await repository.findOneBy({ organisationId, prompt });
      if (existing && existing.kind !== question.kind) {
        throw new DomainError(UserErrorCode.INVALID_INPUT, `This question is in the bank as ${kindLabel(existing.kind)} question; ask it that way or reword it.`, field);
      }
      result.push(existing ?? (await repository.save({ organisationId, kind: question.kind, prompt, standard: false, addedById: this.viewer.personId })));
    }
    return result;
  }

  /** The standard questions, in their usual order. */
  async standard(tx: EntityManager, organisationId: string): Promise<QuestionBankQuestionEntity[]> {
    await this.ensureStandard(tx, organisationId);
    const rows = await tx.getRepository(QuestionBankQuestionEntity).findBy({ organisationId, standard: true });
    return DEFAULT_QUESTIONS.map((d) => rows.find((q) => q.prompt === d.prompt)).filter((q): q is QuestionBankQuestionEntity => !!q);
  }

  private ensureStandard(db: EntityManager, organisationId: string): Promise<void> {
    return ensureStandardQuestions(db, organisationId);
  }
}

/** Puts the standard questions into an organisation's bank: one statement, a no-op once they are there, safe when two requests race. */
export async function ensureStandardQuestions(db: EntityManager, organisationId: string): Promise<void> {
  await db.query(
    `INSERT INTO question_bank_question (organisation_id, kind, prompt, standard)
     SELECT $1, q.kind::question_kind, q.prompt, true FROM unnest($2::text[], $3::text[]) AS q(kind, prompt)
     WHERE NOT EXISTS (SELECT 1 FROM question_bank_question WHERE organisation_id = $1 AND standard)
     ON CONFLICT (organisation_id, prompt) DO NOTHING`,
    [organisationId, DEFAULT_QUESTIONS.map((q) => q.kind), DEFAULT_QUESTIONS.map((q) => q.prompt)],
  );
}
