import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { QuestionKind, QuestionnairePhase } from './evaluation.entity';
import { LikertAnswer } from './evaluation.type';

@InputType({ description: 'A question to ask.' })
export class QuestionInput {
  @Field(() => QuestionKind)
  kind: QuestionKind;

  @Field()
  @Length(3, 300, { message: 'Write a question of 3 to 300 characters.' })
  prompt: string;
}

@InputType()
export class OpenQuestionnaireInput {
  @Field(() => ID)
  programmeId: string;

  @Field(() => QuestionnairePhase, { nullable: true, description: 'Defaults to CLOSING. A programme has at most one questionnaire per phase.' })
  @IsOptional()
  phase?: QuestionnairePhase | null;

  @Field(() => [ID], { nullable: true, description: 'Questions drawn from the organisation’s question bank, in this order. Give these or `questions`; with neither, the standard questions.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'Choose at least one question.' })
  @ArrayMaxSize(30, { message: 'Ask at most 30 questions.' })
  questionIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Defaults to "<programme name>: <phase> questionnaire".' })
  @IsOptional()
  @Length(3, 200, { message: 'Give a title of 3 to 200 characters.' })
  title?: string | null;

  @Field(() => [QuestionInput], { nullable: true, description: 'Questions written for this questionnaire alone; they are added to the question bank too, so later questionnaires can ask them again.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'Ask at least one question.' })
  @ArrayMaxSize(30, { message: 'Ask at most 30 questions.' })
  @ValidateNested({ each: true })
  questions?: QuestionInput[] | null;
}

@InputType()
export class CloseQuestionnaireInput {
  @Field(() => ID)
  questionnaireId: string;
}

@InputType({ description: 'The answer to one question: `likert` for a LIKERT question, `text` for a TEXT one.' })
export class AnswerInput {
  @Field()
  @Length(1, 10)
  questionKey: string;

  @Field(() => LikertAnswer, { nullable: true })
  @IsOptional()
  likert?: LikertAnswer | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 2000, { message: 'Keep each answer under 2,000 characters.' })
  text?: string | null;
}

@InputType()
export class SubmitQuestionnaireResponseInput {
  @Field(() => ID)
  questionnaireId: string;

  @Field(() => [AnswerInput])
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  answers: AnswerInput[];
}

@InputType()
export class AddBankQuestionInput {
  @Field(() => ID, { nullable: true, description: 'The organisation whose bank it joins; defaults to the one you manage.' })
  @IsOptional()
  organisationId?: string | null;

  @Field(() => QuestionKind, { description: 'LIKERT for an agreement statement (only those are compared over time), TEXT for a free answer.' })
  kind: QuestionKind;

  @Field()
  @Length(3, 300, { message: 'Write a question of 3 to 300 characters.' })
  prompt: string;
}
