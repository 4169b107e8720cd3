import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../common/relay';
import { type QuestionBankQuestionEntity, QuestionKind, type QuestionnaireEntity, type QuestionnaireItem, QuestionnairePhase, QuestionnaireStatus, RespondentGroup } from './evaluation.entity';

registerEnumType(QuestionnaireStatus, { name: 'QuestionnaireStatus', description: 'Whether a questionnaire still takes responses.' });
registerEnumType(QuestionKind, {
  name: 'QuestionKind',
  description: 'How a question is answered.',
  valuesConfig: {
    LIKERT: { description: 'Strongly disagree … strongly agree.' },
    TEXT: { description: 'Free text, optional.' },
  },
});
registerEnumType(QuestionnairePhase, {
  name: 'QuestionnairePhase',
  description: 'When in the programme a questionnaire is asked; a programme has at most one of each.',
  valuesConfig: {
    BASELINE: { description: 'Before or as the pairs start.' },
    MID_POINT: { description: 'Halfway through.' },
    CLOSING: { description: 'At the end of the programme.' },
  },
});
registerEnumType(RespondentGroup, { name: 'RespondentGroup', description: 'The respondent’s side of their co-learning pair.' });

/** The five-point agreement scale; stored as 1 to 5. */
export enum LikertAnswer {
  STRONGLY_DISAGREE = 'STRONGLY_DISAGREE',
  DISAGREE = 'DISAGREE',
  NEUTRAL = 'NEUTRAL',
  AGREE = 'AGREE',
  STRONGLY_AGREE = 'STRONGLY_AGREE',
}
registerEnumType(LikertAnswer, { name: 'LikertAnswer', description: 'An answer on the five-point agreement scale.' });
export const LIKERT_SCALE = Object.values(LikertAnswer);

export enum ResultGroup {
  ALL = 'ALL',
  SENIOR = 'SENIOR',
  JUNIOR = 'JUNIOR',
}
registerEnumType(ResultGroup, { name: 'ResultGroup', description: 'Whose answers a figure summarises.' });

@ObjectType({ description: 'One question of a questionnaire.' })
export class QuestionnaireQuestion {
  @Field({ description: 'Stable key that answers refer to (q1, q2, …).' })
  key: string;

  @Field(() => QuestionKind)
  kind: QuestionKind;

  @Field()
  prompt: string;

  @Field(() => ID, { nullable: true, description: 'The question-bank question it was drawn from; comparisons match questions by it.' })
  bankQuestionId: string | null;
}

@ObjectType('BankQuestion', { implements: Node, description: 'A question in an organisation’s question bank: a standard one, or one its managers added.' })
export class BankQuestion extends Node {
  @Field(() => QuestionKind)
  kind: QuestionKind;

  @Field()
  prompt: string;

  @Field({ description: 'One of the standard questions every organisation’s bank starts with.' })
  standard: boolean;

  @Field()
  createdAt: Date;

  static from(entity: QuestionBankQuestionEntity): BankQuestion {
    return Object.assign(new BankQuestion(), {
      id: toGlobalId('BankQuestion', entity.id),
      kind: entity.kind,
      prompt: entity.prompt,
      standard: entity.standard,
      createdAt: entity.createdAt,
    });
  }
}

export const questionOf = (item: QuestionnaireItem): QuestionnaireQuestion => ({
  key: item.key,
  kind: item.kind,
  prompt: item.prompt,
  bankQuestionId: item.bankQuestionId ? toGlobalId('BankQuestion', item.bankQuestionId) : null,
});

@ObjectType('Questionnaire', { implements: Node, description: 'An end-of-programme questionnaire for the programme’s co-learners.' })
export class Questionnaire extends Node {
  entity: QuestionnaireEntity;

  @Field()
  title: string;

  @Field(() => QuestionnaireStatus)
  status: QuestionnaireStatus;

  @Field(() => QuestionnairePhase)
  phase: QuestionnairePhase;

  @Field(() => [QuestionnaireQuestion])
  questions: QuestionnaireQuestion[];

  @Field(() => ID, { description: 'The programme’s global id.' })
  programmeId: string;

  @Field()
  openedAt: Date;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  static from(entity: QuestionnaireEntity): Questionnaire {
    return Object.assign(new Questionnaire(), {
      entity,
      id: toGlobalId('Questionnaire', entity.id),
      title: entity.title,
      status: entity.status,
      phase: entity.phase,
      questions: entity.items.map(questionOf),
      programmeId: toGlobalId('Programme', entity.programmeId),
      openedAt: entity.openedAt,
      closedAt: entity.closedAt,
    });
  }
}

@ObjectType('QuestionnaireConnection')
export class QuestionnaireConnection extends Connection(Questionnaire, 'Questionnaire') {}

@ObjectType({
  description:
    'One question’s answers from one group. Nothing is shown for fewer than `threshold` respondents, nor when it would let a smaller group’s answers be worked out.',
})
export class ItemFigure {
  @Field(() => ResultGroup)
  group: ResultGroup;

  @Field({ description: 'False when the figure is withheld; `note` says why.' })
  shown: boolean;

  @Field(() => Int, { nullable: true, description: 'Respondents in the group; null when withheld.' })
  respondents: number | null;

  @Field(() => Int, { nullable: true, description: 'LIKERT: the percentage who agreed or strongly agreed, rounded; null when withheld.' })
  agreedPercent: number | null;

  @Field(() => [Int], { nullable: true, description: 'LIKERT: how many chose each answer, strongly disagree first; null when withheld.' })
  distribution: number[] | null;

  @Field(() => [String], { nullable: true, description: 'TEXT: the answers, in alphabetical order (never in the order given); null when withheld.' })
  answers: string[] | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType({ description: 'Aggregate results for one question: everyone, seniors, juniors.' })
export class QuestionResult {
  @Field(() => QuestionnaireQuestion)
  question: QuestionnaireQuestion;

  @Field(() => ItemFigure)
  overall: ItemFigure;

  @Field(() => ItemFigure)
  senior: ItemFigure;

  @Field(() => ItemFigure)
  junior: ItemFigure;
}

@ObjectType({ description: 'A questionnaire’s results, only ever in aggregate.' })
export class QuestionnaireResults {
  @Field(() => Int, { description: 'The smallest group a figure is shown for.' })
  threshold: number;

  @Field(() => Int, { description: 'Co-learners asked: the members of the programme’s pairs.' })
  eligibleCount: number;

  @Field(() => Int, { description: 'How many have responded.' })
  respondentCount: number;

  @Field(() => [QuestionResult])
  questions: QuestionResult[];
}

@ObjectType({ description: 'One group’s “% agreed” on one question in two questionnaires, and the change; shown only where the group has at least `threshold` respondents in both.' })
export class GroupChange {
  @Field(() => ResultGroup)
  group: ResultGroup;

  @Field({ description: 'False when withheld; `note` says why.' })
  shown: boolean;

  @Field(() => Int, { nullable: true, description: 'Respondents in the group in the earlier questionnaire; null when withheld.' })
  fromRespondents: number | null;

  @Field(() => Int, { nullable: true, description: 'Respondents in the group in the later questionnaire; null when withheld.' })
  toRespondents: number | null;

  @Field(() => Int, { nullable: true, description: '% agreed (agree or strongly agree) in the earlier questionnaire.' })
  fromAgreedPercent: number | null;

  @Field(() => Int, { nullable: true, description: '% agreed in the later questionnaire.' })
  toAgreedPercent: number | null;

  @Field(() => Int, { nullable: true, description: 'The change in percentage points, later minus earlier.' })
  change: number | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType({ description: 'The change on one agreement question asked in both questionnaires.' })
export class QuestionChange {
  @Field(() => QuestionnaireQuestion, { description: 'The question as worded in the later questionnaire.' })
  question: QuestionnaireQuestion;

  @Field(() => GroupChange)
  overall: GroupChange;

  @Field(() => GroupChange)
  senior: GroupChange;

  @Field(() => GroupChange)
  junior: GroupChange;
}

@ObjectType({
  description:
    'How “% agreed” moved between two questionnaires of a programme, per group, from each questionnaire’s own aggregates: answers are never paired person by person.',
})
export class QuestionnaireComparison {
  @Field(() => Int, { description: 'The smallest group a figure is shown for, in each questionnaire.' })
  threshold: number;

  @Field(() => Questionnaire, { description: 'The earlier questionnaire.' })
  from: Questionnaire;

  @Field(() => Questionnaire, { description: 'The later questionnaire.' })
  to: Questionnaire;

  @Field(() => [QuestionChange], { description: 'Agreement questions asked in both, in the later questionnaire’s order.' })
  questions: QuestionChange[];

  @Field(() => String, { nullable: true, description: 'Why nothing can be compared, when nothing can.' })
  note: string | null;
}
