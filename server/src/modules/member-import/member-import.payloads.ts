import { Field, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../common/errors';
import { ImportRow } from './member-import.type';

@ObjectType({ description: "Every row's outcome; when any row has a problem nothing is written and userErrors says so." })
export class ImportMembersPayload extends MutationPayload {
  @Field(() => [ImportRow])
  rows: ImportRow[] = [];

  @Field({ description: 'Whether the people were imported (never in a dry run).' })
  imported: boolean = false;

  @Field(() => Int, { description: 'New members added and invited (or that would be, in a dry run).' })
  created: number = 0;

  @Field(() => Int, { description: 'Existing members updated (or that would be, in a dry run).' })
  updated: number = 0;
}
