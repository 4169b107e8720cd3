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

/**
 * Two adjustments a manager could make to the assistant's proposed couples ([senior, junior] by
 * name): give a senior the junior of another proposal, where the hard rules allow it (higher
 * grade, not in the junior's line-manager chain), touching four different proposals' people.
 */
export function twoAdjustments(couples: [string, string][], people: CohortPerson[]): [string, string][] {
  const byName = new Map(people.map((p) => [p.name, p]));
  const allowed = (seniorName: string, juniorName: string) => {
    const senior = byName.get(seniorName)!;
    const junior = byName.get(juniorName)!;
    const chain = new Set<string>();
    for (let m = junior.lineManagerEmail; m; m = people.find((p) => p.email === m)!.lineManagerEmail) chain.add(m);
    return senior.grade > junior.grade && !chain.has(senior.email);
  };
  const adjustments: [string, string][] = [];
  const used = new Set<string>();
  for (let i = 0; i < couples.length && adjustments.length < 2; i++) {
    for (let j = 0; j < couples.length && adjustments.length < 2; j++) {
      const [senior] = couples[i];
      const junior = couples[j][1];
      if (i === j || used.has(senior) || used.has(junior) || used.has(couples[i][1]) || used.has(couples[j][0]) || !allowed(senior, junior)) continue;
      adjustments.push([senior, junior]);
      [senior, junior, couples[i][1], couples[j][0]].forEach((name) => used.add(name));
    }
  }
  return adjustments;
}
