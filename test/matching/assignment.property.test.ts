import fc from 'fast-check';
import { solveAssignment } from '../../server/src/modules/matching/hungarian';
import { Availability } from '../../server/src/modules/matching/matching.entity';
import { hardRuleBroken, MatchingFocus, proposeMatches, scoreCouple, splitBySeniority, type MatchingCandidate } from '../../server/src/modules/matching/matching.rules';

/**
 * The assistant's assignment against brute force: on small random cohorts (random grades, divisions,
 * topics, availability, volunteered characteristics and a random line-management tree) it never
 * breaks a hard rule, never uses a person twice, and is optimal: as many couples as any valid
 * matching, and the highest total score among those.
 */
const TOPICS = ['flexible working', 'Shortlisting', 'rota patterns', 'promotion panels'];
const GROUPS = ['RACE', 'DISABILITY', 'SEX'];

const personArb = fc.record({
  grade: fc.option(fc.integer({ min: 1, max: 6 }), { freq: 8 }),
  division: fc.constantFrom('Nursing', 'Finance', 'Estates', null),
  topics: fc.subarray(TOPICS),
  availability: fc.subarray(Object.values(Availability)),
  characteristics: fc.subarray(GROUPS),
  managerPick: fc.option(fc.nat(), { freq: 2 }),
});

const cohortArb = fc.array(personArb, { minLength: 0, maxLength: 9 }).map((people) => {
  // A line-management forest: each person's manager, if any, is someone earlier in the list, so there are no cycles.
  const managerOf = people.map((p, i) => (p.managerPick !== null && i > 0 ? p.managerPick % i : null));
  const chain = (i: number): Set<string> => {
    const above = new Set<string>();
    for (let m = managerOf[i]; m !== null; m = managerOf[m]) above.add(`p${m}`);
    return above;
  };
  return people.map(
    (p, i): MatchingCandidate => ({
      personId: `p${i}`,
      name: `Person ${i}`,
      grade: p.grade,
      division: p.division,
      managers: chain(i),
      topics: p.topics,
      availability: p.availability,
      characteristics: p.characteristics,
    }),
  );
});

/** The best (couples, total score) of any matching that breaks no hard rule, by trying them all. */
function bruteForce(seniors: MatchingCandidate[], juniors: MatchingCandidate[], focus: MatchingFocus): [number, number] {
  let best: [number, number] = [0, 0];
  const used = new Set<number>();
  const visit = (i: number, couples: number, total: number) => {
    if (couples > best[0] || (couples === best[0] && total > best[1])) best = [couples, total];
    if (i === seniors.length) return;
    visit(i + 1, couples, total);
    juniors.forEach((junior, j) => {
      if (used.has(j) || hardRuleBroken(seniors[i], junior) !== null) return;
      used.add(j);
      visit(i + 1, couples + 1, total + scoreCouple(seniors[i], junior, focus).score);
      used.delete(j);
    });
  };
  visit(0, 0, 0);
  return best;
}

describe('the matching assignment', () => {
  it('never breaks a hard rule and is optimal against brute force', () => {
    fc.assert(
      fc.property(cohortArb, fc.constantFrom(...Object.values(MatchingFocus)), fc.option(fc.integer({ min: 1, max: 6 })), (cohort, focus, threshold) => {
        const { seniors, juniors } = splitBySeniority(cohort, threshold);
        const proposals = proposeMatches(seniors, juniors, focus);
        const people = proposals.flatMap((p) => [p.senior.personId, p.junior.personId]);
        expect(new Set(people).size).toBe(people.length);
        for (const proposal of proposals) {
          expect(hardRuleBroken(proposal.senior, proposal.junior)).toBeNull();
          expect(proposal.senior.grade!).toBeGreaterThan(proposal.junior.grade!);
          expect(proposal.junior.managers.has(proposal.senior.personId)).toBe(false);
          expect(proposal.senior.managers.has(proposal.junior.personId)).toBe(false);
        }
        const total = proposals.reduce((sum, p) => sum + p.score, 0);
        expect([proposals.length, total]).toEqual(bruteForce(seniors, juniors, focus));
      }),
      { numRuns: 400 },
    );
  });

  it('the solver finds the least total cost on random matrices', () => {
    const matrixArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.integer({ min: n, max: 7 }).chain((m) => fc.array(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n })),
    );
    fc.assert(
      fc.property(matrixArb, (cost) => {
        const assignment = solveAssignment(cost);
        expect(new Set(assignment).size).toBe(cost.length);
        const total = assignment.reduce((sum, j, i) => sum + cost[i][j], 0);
        let best = Infinity;
        const used = new Set<number>();
        const visit = (i: number, sum: number) => {
          if (i === cost.length) return void (best = Math.min(best, sum));
          cost[i].forEach((c, j) => {
            if (used.has(j)) return;
            used.add(j);
            visit(i + 1, sum + c);
            used.delete(j);
          });
        };
        visit(0, 0);
        expect(total).toBe(best);
      }),
      { numRuns: 300 },
    );
  });

  it('gives reasons a person can read, without naming a volunteered characteristic', () => {
    const base = { managers: new Set<string>(), characteristics: [] as string[] };
    const senior = { ...base, personId: 's', name: 'Sam', grade: 9, division: 'Finance', topics: ['Flexible working'], availability: [Availability.ONLINE] };
    const junior = { ...base, personId: 'j', name: 'Jo', grade: 3, division: 'Nursing', topics: ['flexible  working'], availability: [Availability.ONLINE], characteristics: ['RACE'] };
    expect(scoreCouple(senior, junior, MatchingFocus.MUTUAL)).toEqual({
      score: 70,
      reasons: ['different divisions', 'both chose flexible working', 'both happy to meet online', '6 grades apart'],
    });
    const reverse = scoreCouple(senior, junior, MatchingFocus.REVERSE);
    expect(reverse.reasons).toContain('brings lived experience the senior does not share (volunteered for matching)');
    expect(reverse.reasons.join(' ')).not.toMatch(/race/i);
    expect(hardRuleBroken(senior, { ...junior, managers: new Set(['s']) })).toBe('Sam and Jo are in the same reporting line.');
    expect(hardRuleBroken(senior, { ...junior, grade: 9 })).toBe('Sam is not senior to Jo by grade.');
  });
});
