/**
 * Benchmark of the matching assistant (not a timed test): a cohort of 300 people (default) with
 * grades, divisions, a line-management tree, topics and availability is scored couple by couple
 * under the hard rules and assigned optimally (Hungarian algorithm), as `runMatching` does after
 * reading the cohort. Prints the median and the slowest of BENCH_RUNS runs; issue 13 wants 300
 * people matched in under a second.
 *
 *   npm run bench:matching           BENCH_PEOPLE (e.g. "300,1000") and BENCH_RUNS override the defaults
 */
import { Availability } from '../server/src/modules/matching/matching.entity';
import { MatchingFocus, proposeMatches, splitBySeniority, type MatchingCandidate } from '../server/src/modules/matching/matching.rules';

const SIZES = (process.env.BENCH_PEOPLE ?? '300').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const DIVISIONS = ['Nursing', 'Finance', 'Estates', 'Digital', 'People', 'Medicine'];
const TOPICS = ['flexible working', 'shortlisting', 'rota patterns', 'promotion panels', 'pay gaps', 'menopause at work', 'disability leave', 'race equality'];
const SLOTS = Object.values(Availability);

/** A deterministic pseudo-random cohort, so runs compare. */
function cohort(size: number): MatchingCandidate[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const people: MatchingCandidate[] = [];
  for (let i = 0; i < size; i++) {
    const grade = 1 + Math.floor(random() * 15);
    const above = people.filter((p) => (p.grade ?? 0) > grade);
    const manager = above.length ? above[Math.floor(random() * above.length)] : null;
    people.push({
      personId: `p${i}`,
      name: `Person ${i}`,
      grade,
      division: DIVISIONS[Math.floor(random() * DIVISIONS.length)],
      managers: new Set(manager ? [manager.personId, ...manager.managers] : []),
      topics: TOPICS.filter(() => random() < 0.3),
      availability: SLOTS.filter(() => random() < 0.4),
      characteristics: random() < 0.2 ? ['RACE'] : [],
    });
  }
  return people;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

for (const size of SIZES) {
  const people = cohort(size);
  const times: number[] = [];
  let couples = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    const { seniors, juniors } = splitBySeniority(people);
    couples = proposeMatches(seniors, juniors, MatchingFocus.MUTUAL).length;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const slowest = Math.max(...times);
  console.log(`${size} people → ${couples} couples: median ${median(times).toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms over ${RUNS} runs ${slowest < 1000 ? '(under a second)' : '(OVER A SECOND)'}`);
}
