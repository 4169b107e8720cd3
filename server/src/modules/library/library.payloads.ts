import { Field, ObjectType } from 'type-graphql';
import { Barrier } from '../barrier/barrier.type';
import { Change } from '../change/change.type';
import { MutationPayload } from '../../common/errors';
import { CaseAdaptation, CaseRedaction, SharedCase } from './library.type';

@ObjectType()
abstract class SharedCasePayload extends MutationPayload {
  @Field(() => SharedCase, { nullable: true })
  sharedCase?: SharedCase | null;
}

@ObjectType()
export class RequestCasePublicationPayload extends SharedCasePayload {}

@ObjectType()
export class EditSharedCasePayload extends SharedCasePayload {}

@ObjectType()
export class ResolveRedactionPayload extends SharedCasePayload {
  @Field(() => CaseRedaction, { nullable: true })
  redaction?: CaseRedaction | null;
}

@ObjectType()
export class ConsentToCasePayload extends SharedCasePayload {}

@ObjectType()
export class ApproveCasePublicationPayload extends SharedCasePayload {}

@ObjectType()
export class UnpublishCasePayload extends SharedCasePayload {}

@ObjectType()
export class SendCaseBackPayload extends SharedCasePayload {}

@ObjectType()
export class DeclineCasePayload extends SharedCasePayload {}

@ObjectType()
export class EndorseCasePayload extends SharedCasePayload {}

@ObjectType()
export class WithdrawCaseEndorsementPayload extends SharedCasePayload {}

@ObjectType()
export class AdaptCasePayload extends SharedCasePayload {
  @Field(() => CaseAdaptation, { nullable: true })
  adaptation?: CaseAdaptation | null;

  @Field(() => Barrier, { nullable: true, description: 'The barrier created in your organisation.' })
  barrier?: Barrier | null;

  @Field(() => Change, { nullable: true, description: 'The draft change created in your organisation.' })
  change?: Change | null;
}

@ObjectType()
export class SetAdaptationSharingPayload extends MutationPayload {
  @Field(() => CaseAdaptation, { nullable: true })
  adaptation?: CaseAdaptation | null;
}
