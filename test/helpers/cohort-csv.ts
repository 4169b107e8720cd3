/**
 * A realistic HR export of `size` people for the import and the matching assistant: a
 * line-management tree (each person reports to someone two or more grades above, in their own
 * division where possible), grades from 2 to 15, five divisions, all co-learners.
 */
const DIVISIONS = ['Nursing', 'Finance', 'Estates', 'Digital', 'People'];
const HEADER = 'email,name,job title,division,grade,line manager email,roles';

export interface CohortPerson {
  email: string;
  name: string;
  division: string;
  grade: number;
  lineManagerEmail: string | null;
}

export function cohort(size: number, tag: string): CohortPerson[] {
  const people: CohortPerson[] = [];
  for (let i = 0; i < size; i++) {
    const grade = i < 5 ? 15 : 2 + ((i * 7) % 12);
    const division = DIVISIONS[i % DIVISIONS.length];
    const managers = people.filter((p) => p.grade >= grade + 2);
    const manager = managers.find((p) => p.division === division) ?? managers[i % Math.max(managers.length, 1)] ?? null;
    people.push({ email: `person${i}.${tag}@import.example`, name: `Person ${i} ${tag}`, division, grade, lineManagerEmail: manager?.email ?? null });
  }
  return people;
}

export function cohortCsv(people: CohortPerson[]): string {
  const lines = people.map((p) => [p.email, p.name, `"Officer, ${p.division}"`, p.division, p.grade, p.lineManagerEmail ?? '', 'CO_LEARNER'].join(','));
  return `\ufeff${[HEADER, ...lines].join('\r\n')}\r\n`;
}
