import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Cadence } from '../programme/programme.entity';
import { QuestionKind } from '../evaluation/evaluation.entity';
import { TrainingSide } from '../training/training.entity';
import '../training/training.type';
import { ProgrammeTemplateKey, type ProgrammeTemplateDefinition } from './templates';

registerEnumType(ProgrammeTemplateKey, { name: 'ProgrammeTemplateKey', description: 'A ready-made programme shape.' });

@ObjectType('ProgrammeTemplateMonth', { description: "One month of a template's curriculum." })
export class ProgrammeTemplateMonth {
  @Field(() => Int)
  month: number;

  @Field()
  topic: string;
}

@ObjectType('ProgrammeTemplateTraining', { description: 'A training module a template asks for.' })
export class ProgrammeTemplateTraining {
  @Field(() => TrainingSide)
  side: TrainingSide;

  @Field()
  title: string;

  @Field(() => Float)
  expectedHours: number;
}

@ObjectType('ProgrammeTemplate', { description: 'A ready-made programme shape; creating from it copies everything into the programme, to edit freely.' })
export class ProgrammeTemplate {
  @Field(() => ProgrammeTemplateKey)
  key: ProgrammeTemplateKey;

  @Field()
  name: string;

  @Field()
  summary: string;

  @Field(() => Int)
  lengthMonths: number;

  @Field(() => Cadence)
  sessionCadence: Cadence;

  @Field({ description: "What the programme calls a pair's senior side." })
  seniorLabel: string;

  @Field({ description: "What the programme calls a pair's junior side." })
  juniorLabel: string;

  @Field({ description: 'Whether a pair starts only when both have completed their training.' })
  trainingRequired: boolean;

  @Field(() => [ProgrammeTemplateMonth])
  curriculum: ProgrammeTemplateMonth[];

  @Field(() => [ProgrammeTemplateTraining])
  training: ProgrammeTemplateTraining[];

  @Field(() => [String], { description: 'Milestone titles, in order.' })
  milestones: string[];

  @Field({ description: 'The closing questionnaire it schedules.' })
  questionnaireTitle: string;

  static from(t: ProgrammeTemplateDefinition): ProgrammeTemplate {
    return Object.assign(new ProgrammeTemplate(), {
      key: t.key,
      name: t.name,
      summary: t.summary,
      lengthMonths: t.lengthMonths,
      sessionCadence: t.sessionCadence,
      seniorLabel: t.seniorLabel,
      juniorLabel: t.juniorLabel,
      trainingRequired: t.trainingRequired,
      curriculum: t.curriculum.map(({ month, topic }) => ({ month, topic })),
      training: t.training.map(({ side, title, expectedHours }) => ({ side, title, expectedHours })),
      milestones: t.milestones.map((m) => m.title),
      questionnaireTitle: t.questionnaire.title,
    });
  }
}

@ObjectType('ProgrammeMilestone', { description: "A dated point in the programme's plan." })
export class ProgrammeMilestone {
  @Field(() => Int, { description: 'Months from the start (0 = the first month; negative = before it starts).' })
  month: number;

  @Field()
  title: string;

  @Field({ description: 'The date it falls on, from the programme’s start (YYYY-MM-DD).' })
  dueOn: string;
}

@ObjectType('PlannedQuestion')
export class PlannedQuestion {
  @Field(() => QuestionKind)
  kind: QuestionKind;

  @Field()
  prompt: string;
}

@ObjectType('PlannedQuestionnaire', { description: 'The closing questionnaire the programme plans; opened through the evaluation module.' })
export class PlannedQuestionnaireType {
  @Field()
  title: string;

  @Field(() => Int)
  month: number;

  @Field({ description: 'When it is due (YYYY-MM-DD).' })
  dueOn: string;

  @Field(() => [PlannedQuestion])
  questions: PlannedQuestion[];
}

@ObjectType('ProgrammeDesign', { description: 'How a programme is designed: its template, wording, training rule, milestones and closing questionnaire.' })
export class ProgrammeDesign {
  @Field(() => ProgrammeTemplateKey, { nullable: true, description: 'The template it was made from; null for a blank programme.' })
  templateKey: ProgrammeTemplateKey | null;

  @Field({ description: "What this programme calls a pair's senior side, e.g. 'Board member' or 'Mentor'." })
  seniorLabel: string;

  @Field({ description: "What this programme calls a pair's junior side, e.g. 'Reverse mentor' or 'Mentee'." })
  juniorLabel: string;

  @Field({ description: 'A pair starts (its contract takes effect) only when both have completed their side’s training.' })
  trainingRequired: boolean;

  @Field(() => [ProgrammeMilestone])
  milestones: ProgrammeMilestone[];

  @Field(() => PlannedQuestionnaireType, { nullable: true })
  closingQuestionnaire: PlannedQuestionnaireType | null;
}
