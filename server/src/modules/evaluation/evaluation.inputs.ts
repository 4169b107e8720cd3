import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { QuestionKind } from './evaluation.entity';
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

  @Field(() => String, { nullable: true, description: 'Defaults to "<programme name>: end-of-programme questionnaire".' })
  @IsOptional()
  @Length(3, 200, { message: 'Give a title of 3 to 200 characters.' })
  title?: string | null;

  @Field(() => [QuestionInput], { nullable: true, description: 'Defaults to the standard co-learning evaluation questions.' })
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
