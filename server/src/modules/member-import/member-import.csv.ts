import { parse } from 'csv-parse/sync';
import { isEmail } from 'class-validator';
import { Role } from '../person/membership.entity';

/**
 * Reading an HR export of people: the CSV itself (csv-parse: quoted fields, a byte-order mark, CRLF
 * line ends), its columns, and every row's own problems. What depends on the organisation (who is
 * already a member, whose line manager is whom) is checked in member-import.service.ts.
 */

export const MAX_IMPORT_CHARS = 400_000;
export const MAX_IMPORT_ROWS = 2_000;
export const MIN_GRADE = 1;
export const MAX_GRADE = 20;

export type ImportField = 'email' | 'name' | 'jobTitle' | 'division' | 'grade' | 'lineManagerEmail' | 'roles';

/** The columns of the template, in order, with the headers people may have written instead. */
export const IMPORT_COLUMNS: { field: ImportField; header: string; aliases: string[]; required: boolean }[] = [
  { field: 'email', header: 'email', aliases: ['emailaddress', 'workemail'], required: true },
  { field: 'name', header: 'name', aliases: ['fullname', 'displayname'], required: true },
  { field: 'jobTitle', header: 'job title', aliases: ['title', 'role title', 'position'], required: false },
  { field: 'division', header: 'division', aliases: ['department', 'directorate'], required: false },
  { field: 'grade', header: 'grade', aliases: ['band', 'level'], required: false },
  { field: 'lineManagerEmail', header: 'line manager email', aliases: ['line manager', "line manager's email", 'manager email'], required: false },
  { field: 'roles', header: 'roles', aliases: ['role'], required: true },
];

export const IMPORT_TEMPLATE = [
  IMPORT_COLUMNS.map((c) => c.header).join(','),
  'alex.senior@example.org,Alex Senior,Director of Finance,Finance,14,,CO_LEARNER;OWNER',
  'sam.junior@example.org,Sam Junior,"Healthcare Assistant, Ward 7",Nursing,3,alex.senior@example.org,CO_LEARNER',
].join('\r\n');

const squash = (header: string) => header.toLowerCase().replace(/[^a-z]/g, '');

/** Role names as people write them: "CO_LEARNER", "co-learner", "Programme manager". */
export function roleFrom(text: string): Role | null {
  const name = text.trim().toUpperCase().replace(/[^A-Z]+/g, '_');
  return (Object.values(Role) as string[]).includes(name) ? (name as Role) : null;
}

export interface RowProblem {
  field: ImportField | null;
  message: string;
}

export interface ParsedRow {
  /** The row's line in the file (the header is line 1), so people can find it. */
  line: number;
  email: string;
  name: string;
  jobTitle: string | null;
  division: string | null;
  grade: number | null;
  lineManagerEmail: string | null;
  roles: Role[];
  problems: RowProblem[];
}

export class ImportFileError extends Error {}

/** Parses the file into rows with their own problems; a file that cannot be read at all throws ImportFileError. */
export function parseImport(text: string): ParsedRow[] {
  if (text.length > MAX_IMPORT_CHARS) throw new ImportFileError(`The file is too large: import at most ${MAX_IMPORT_CHARS.toLocaleString('en-GB')} characters at a time.`);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as never;
  } catch (error) {
    throw new ImportFileError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new ImportFileError('The file is empty: start from the template.');
  const header = records[0].record;
  const fieldAt = new Map<number, ImportField>();
  header.forEach((name, index) => {
    const column = IMPORT_COLUMNS.find((c) => squash(c.header) === squash(name) || c.aliases.some((a) => squash(a) === squash(name)));
    if (!column) throw new ImportFileError(`Column "${name}" is not one the import knows: use the template's columns (${IMPORT_COLUMNS.map((c) => c.header).join(', ')}).`);
    if ([...fieldAt.values()].includes(column.field)) throw new ImportFileError(`Column "${column.header}" appears twice.`);
    fieldAt.set(index, column.field);
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && ![...fieldAt.values()].includes(c.field));
  if (missing.length) throw new ImportFileError(`The file needs the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c.header}"`).join(', ')}.`);
  if (records.length - 1 > MAX_IMPORT_ROWS) throw new ImportFileError(`Import at most ${MAX_IMPORT_ROWS} people at a time; this file has ${records.length - 1}.`);

  return records.slice(1).map(({ record, info }) => {
    const cell = (field: ImportField) => {
      const index = [...fieldAt.entries()].find(([, f]) => f === field)?.[0];
      return index === undefined ? '' : (record[index] ?? '').trim();
    };
    const problems: RowProblem[] = [];
    if (record.length > header.length) problems.push({ field: null, message: `This row has ${record.length} fields; the header has ${header.length}. Quote any field that holds a comma.` });
    const email = cell('email').toLowerCase();
    if (!isEmail(email)) problems.push({ field: 'email', message: email ? `"${email}" is not a valid email address.` : 'Give an email address.' });
    const name = cell('name');
    if (name.length < 1 || name.length > 120) problems.push({ field: 'name', message: 'Give a name of 1 to 120 characters.' });
    const jobTitle = cell('jobTitle') || null;
    if (jobTitle && jobTitle.length > 120) problems.push({ field: 'jobTitle', message: 'Keep the job title under 120 characters.' });
    const division = cell('division') || null;
    if (division && division.length > 120) problems.push({ field: 'division', message: 'Keep the division under 120 characters.' });
    const gradeText = cell('grade');
    const grade = gradeText === '' ? null : Number(gradeText);
    if (grade !== null && !(Number.isInteger(grade) && grade >= MIN_GRADE && grade <= MAX_GRADE)) {
      problems.push({ field: 'grade', message: `Give the grade as a whole number from ${MIN_GRADE} (most junior) to ${MAX_GRADE} (most senior), not "${gradeText}".` });
    }
    const lineManagerEmail = cell('lineManagerEmail').toLowerCase() || null;
    if (lineManagerEmail && !isEmail(lineManagerEmail)) problems.push({ field: 'lineManagerEmail', message: `"${lineManagerEmail}" is not a valid email address.` });
    if (lineManagerEmail && lineManagerEmail === email) problems.push({ field: 'lineManagerEmail', message: 'A person cannot be their own line manager.' });
    const roleNames = cell('roles').split(/[;|,]/).map((r) => r.trim()).filter(Boolean);
    const roles = [...new Set(roleNames.map(roleFrom).filter((r): r is Role => r !== null))];
    const unknown = roleNames.filter((r) => roleFrom(r) === null);
    if (unknown.length) problems.push({ field: 'roles', message: `Unknown role${unknown.length > 1 ? 's' : ''} ${unknown.map((r) => `"${r}"`).join(', ')}: use ${Object.values(Role).join(', ')}.` });
    else if (roles.length === 0) problems.push({ field: 'roles', message: 'Give at least one role, e.g. CO_LEARNER.' });
    return { line: info.lines, email, name, jobTitle, division, grade: grade !== null && Number.isFinite(grade) ? grade : null, lineManagerEmail, roles, problems };
  });
}
