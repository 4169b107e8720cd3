import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { Programme } from '../programme/programme.type';
import { ProgrammeDesign } from './programme-template.type';

@ObjectType()
export class ProgrammeDesignPayload extends MutationPayload {
  @Field(() => Programme, { nullable: true })
  programme?: Programme | null;

  @Field(() => ProgrammeDesign, { nullable: true })
  design?: ProgrammeDesign | null;
}
