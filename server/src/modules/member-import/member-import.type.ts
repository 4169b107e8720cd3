import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../person/membership.entity';
import type { ImportField } from './member-import.csv';
import { ImportAction, type ImportedRow } from './member-import.service';

registerEnumType(ImportAction, {
  name: 'ImportAction',
  description: 'What an import does with a row.',
  valuesConfig: {
    CREATE: { description: 'A new member, invited by email.' },
    UPDATE: { description: 'Already a member: given details replace theirs, empty cells keep theirs, roles are added, no invitation.' },
  },
});

@ObjectType({ description: 'A problem with one cell or row of an import.' })
export class ImportProblem {
  @Field(() => String, { nullable: true, description: 'The column at fault (email, name, jobTitle, division, grade, lineManagerEmail, roles), or null for the whole row.' })
  column: ImportField | null;

  @Field()
  message: string;
}

@ObjectType({ description: "One row of an import and what it does, or would do in a dry run." })
export class ImportRow {
  @Field(() => Int, { description: 'The line in the file; the header is line 1.' })
  line: number;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  jobTitle: string | null;

  @Field(() => String, { nullable: true })
  division: string | null;

  @Field(() => Int, { nullable: true })
  grade: number | null;

  @Field(() => String, { nullable: true })
  lineManagerEmail: string | null;

  @Field(() => [Role])
  roles: Role[];

  @Field(() => ImportAction)
  action: ImportAction;

  @Field(() => [ImportProblem], { description: 'Empty when the row can be imported.' })
  problems: ImportProblem[];

  static from(row: ImportedRow): ImportRow {
    return Object.assign(new ImportRow(), {
      ...row,
      problems: row.problems.map((p) => Object.assign(new ImportProblem(), { column: p.field, message: p.message })),
    });
  }
}
