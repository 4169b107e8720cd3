import { IsBoolean, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MAX_IMPORT_CHARS } from './member-import.csv';

@InputType()
export class ImportMembersInput {
  @Field(() => ID)
  organisationId: string;

  /**
   * The CSV text itself. A String argument has no length limit of its own beyond the 1 MB request
   * body; this one is bounded here, deliberately, below that.
   */
  @Field({ description: `The CSV text (columns as in the template), at most ${MAX_IMPORT_CHARS} characters.` })
  @MinLength(1, { message: 'Choose or paste a CSV file.' })
  @MaxLength(MAX_IMPORT_CHARS, { message: `The file is too large: import at most ${MAX_IMPORT_CHARS.toLocaleString('en-GB')} characters at a time.` })
  csv: string;

  @Field({ description: 'True to check every row and write nothing; false to import all rows or none.' })
  @IsBoolean()
  dryRun: boolean;
}
