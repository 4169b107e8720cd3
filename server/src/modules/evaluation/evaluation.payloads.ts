import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { BankQuestion, Questionnaire } from './evaluation.type';

@ObjectType()
export class OpenQuestionnairePayload extends MutationPayload {
  @Field(() => Questionnaire, { nullable: true })
  questionnaire?: Questionnaire | null;
}

@ObjectType()
export class CloseQuestionnairePayload extends MutationPayload {
  @Field(() => Questionnaire, { nullable: true })
  questionnaire?: Questionnaire | null;
}

@ObjectType()
export class SubmitQuestionnaireResponsePayload extends MutationPayload {
  @Field(() => Questionnaire, { nullable: true, description: 'The questionnaire answered; never the response itself.' })
  questionnaire?: Questionnaire | null;
}

@ObjectType()
export class AddBankQuestionPayload extends MutationPayload {
  @Field(() => BankQuestion, { nullable: true })
  question?: BankQuestion | null;
}
