import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { Programme } from '../programme/programme.type';
import { CurriculumMonth } from './curriculum.type';

@ObjectType()
export class CurriculumMonthPayload extends MutationPayload {
  @Field(() => CurriculumMonth, { nullable: true })
  curriculumMonth?: CurriculumMonth | null;

  @Field(() => Programme, { nullable: true })
  programme?: Programme | null;
}
