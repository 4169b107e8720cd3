import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, Node, toGlobalId } from '../../common/relay';
import { QuestionKind, type QuestionnaireEntity, QuestionnaireStatus, RespondentGroup } from './evaluation.entity';

registerEnumType(QuestionnaireStatus, { name: 'QuestionnaireStatus', description: 'Whether a questionnaire still takes responses.' });
registerEnumType(QuestionKind, {
  name: 'QuestionKind',
  description: 'How a question is answered.',
  valuesConfig: {
    LIKERT: { description: 'Strongly disagree … strongly agree.' },
    TEXT: { description: 'Free text, optional.' },
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
}

@ObjectType('Questionnaire', { implements: Node, description: 'An end-of-programme questionnaire for the programme’s co-learners.' })
export class Questionnaire extends Node {
  entity: QuestionnaireEntity;

  @Field()
  title: string;

  @Field(() => QuestionnaireStatus)
  status: QuestionnaireStatus;

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
      questions: entity.items.map((item) => ({ key: item.key, kind: item.kind, prompt: item.prompt })),
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
