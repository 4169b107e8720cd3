import { solveAssignment } from './hungarian';
import { Availability } from './matching.entity';

/**
 * The matching assistant's rules, free of the database so they can be tested exhaustively: the hard
 * rules that exclude a couple, the soft score with reasons a person can read, and the optimal
 * assignment of a whole cohort.
 */

/** What the programme is matching for; it weighs the soft rules, never the hard ones. */
export enum MatchingFocus {
  /** Reciprocal mentoring across the organisation: different divisions first, then shared topics. */
  MUTUAL = 'MUTUAL',
  /** Board members with staff from under-represented groups: volunteered lived experience counts most. */
  REVERSE = 'REVERSE',
  /** Coach-led: shared topics and availability, the fit of the conversation, count most. */
  FIT = 'FIT',
}

export interface MatchingCandidate {
  personId: string;
  name: string;
  /** Ordered level, higher is more senior; null means the person cannot be matched by grade. */
  grade: number | null;
  division: string | null;
  /** Person ids of everyone above them in their line-manager chain. */
  managers: ReadonlySet<string>;
  topics: readonly string[];
  availability: readonly Availability[];
  /** Volunteered characteristics, only when the person ticked "use for matching"; otherwise empty. */
  characteristics: readonly string[];
}

export interface ScoredCouple {
  score: number;
  reasons: string[];
}

export interface Proposal extends ScoredCouple {
  senior: MatchingCandidate;
  junior: MatchingCandidate;
}

const WEIGHTS: Record<MatchingFocus, { division: number; topic: number; topicCap: number; availability: number; gradeGap: number; experience: number }> = {
  [MatchingFocus.MUTUAL]: { division: 30, topic: 15, topicCap: 45, availability: 15, gradeGap: 10, experience: 0 },
  [MatchingFocus.REVERSE]: { division: 15, topic: 10, topicCap: 30, availability: 15, gradeGap: 10, experience: 30 },
  [MatchingFocus.FIT]: { division: 10, topic: 20, topicCap: 60, availability: 20, gradeGap: 10, experience: 0 },
};

/** The highest score a couple can have under any focus. */
export const MAX_SCORE = 100;

const AVAILABILITY_WORDS: Record<Availability, string> = {
  [Availability.WEEKDAY_MORNINGS]: 'both free on weekday mornings',
  [Availability.WEEKDAY_AFTERNOONS]: 'both free on weekday afternoons',
  [Availability.WEEKDAY_EVENINGS]: 'both free on weekday evenings',
  [Availability.ONLINE]: 'both happy to meet online',
  [Availability.IN_PERSON]: 'both happy to meet in person',
};

export const normaliseTopic = (topic: string) => topic.trim().replace(/\s+/g, ' ').toLowerCase();

/** Each candidate's topics, normalised once: a cohort of 300 scores some 22,000 couples. */
const topicCache = new WeakMap<MatchingCandidate, ReadonlySet<string>>();
function topicsOf(candidate: MatchingCandidate): ReadonlySet<string> {
  let topics = topicCache.get(candidate);
  if (!topics) topicCache.set(candidate, (topics = new Set(candidate.topics.map(normaliseTopic))));
  return topics;
}

/** Why this couple may never be paired, in words a manager can act on; null when no hard rule stops it. */
export function hardRuleBroken(senior: MatchingCandidate, junior: MatchingCandidate): string | null {
  if (senior.personId === junior.personId) return 'A person cannot be paired with themselves.';
  if (senior.grade === null) return `${senior.name} has no grade on their membership.`;
  if (junior.grade === null) return `${junior.name} has no grade on their membership.`;
  if (senior.grade <= junior.grade) return `${senior.name} is not senior to ${junior.name} by grade.`;
  if (junior.managers.has(senior.personId) || senior.managers.has(junior.personId)) {
    return `${senior.name} and ${junior.name} are in the same reporting line.`;
  }
  return null;
}

/** The soft score (0–100) of an allowed couple and its reasons. */
export function scoreCouple(senior: MatchingCandidate, junior: MatchingCandidate, focus: MatchingFocus): ScoredCouple {
  const w = WEIGHTS[focus];
  const reasons: string[] = [];
  let score = 0;
  if (senior.division && junior.division && senior.division.toLowerCase() !== junior.division.toLowerCase()) {
    score += w.division;
    reasons.push('different divisions');
  } else if (senior.division && junior.division) {
    reasons.push('same division');
  }
  const juniorTopics = topicsOf(junior);
  const shared = [...topicsOf(senior)].filter((topic) => juniorTopics.has(topic)).sort();
  if (shared.length > 0) {
    score += Math.min(w.topicCap, shared.length * w.topic);
    reasons.push(...shared.map((topic) => `both chose ${topic}`));
  }
  const sharedSlots = senior.availability.filter((slot) => junior.availability.includes(slot));
  if (sharedSlots.length > 0) {
    score += w.availability;
    reasons.push(AVAILABILITY_WORDS[sharedSlots[0]]);
  } else if (senior.availability.length > 0 && junior.availability.length > 0) {
    reasons.push('no time in common yet');
  }
  const gap = (senior.grade ?? 0) - (junior.grade ?? 0);
  if (gap >= 3) {
    score += w.gradeGap;
    reasons.push(`${gap} grades apart`);
  }
  if (w.experience > 0 && junior.characteristics.some((c) => !senior.characteristics.includes(c))) {
    // The characteristic itself is not named: the couple may read the reasons.
    score += w.experience;
    reasons.push('brings lived experience the senior does not share (volunteered for matching)');
  }
  return { score: Math.min(MAX_SCORE, score), reasons };
}

/**
 * Splits a cohort into seniors and juniors by grade: those at or above `seniorFromGrade` are seniors.
 * Without a threshold, the one that divides the cohort most evenly is chosen. People without a grade
 * are in neither.
 */
export function splitBySeniority(candidates: readonly MatchingCandidate[], seniorFromGrade?: number | null) {
  const graded = candidates.filter((c) => c.grade !== null);
  let threshold = seniorFromGrade ?? null;
  if (threshold === null) {
    const grades = [...new Set(graded.map((c) => c.grade as number))].sort((a, b) => a - b);
    let best = Infinity;
    for (const grade of grades.slice(1)) {
      const seniors = graded.filter((c) => (c.grade as number) >= grade).length;
      const imbalance = Math.abs(seniors - (graded.length - seniors));
      if (imbalance < best) {
        best = imbalance;
        threshold = grade;
      }
    }
  }
  if (threshold === null) return { seniorFromGrade: null, seniors: [], juniors: [] };
  return {
    seniorFromGrade: threshold,
    seniors: graded.filter((c) => (c.grade as number) >= threshold),
    juniors: graded.filter((c) => (c.grade as number) < threshold),
  };
}

/**
 * The best assignment of seniors to juniors: as many allowed couples as possible, and among those the
 * highest total score. Couples a hard rule forbids are never proposed. Each allowed cell costs
 * -(BONUS + score), where BONUS is more than any total of scores, so one more couple always beats any
 * gain in score; forbidden cells cost 0, as leaving both unpaired does.
 */
export function proposeMatches(seniors: readonly MatchingCandidate[], juniors: readonly MatchingCandidate[], focus: MatchingFocus): Proposal[] {
  const seniorsAreRows = seniors.length <= juniors.length;
  const rows = seniorsAreRows ? seniors : juniors;
  const columns = seniorsAreRows ? juniors : seniors;
  if (rows.length === 0) return [];
  const bonus = MAX_SCORE * rows.length + 1;
  const scored: (ScoredCouple | null)[][] = rows.map((row) =>
    columns.map((column) => {
      const [senior, junior] = seniorsAreRows ? [row, column] : [column, row];
      return hardRuleBroken(senior, junior) === null ? scoreCouple(senior, junior, focus) : null;
    }),
  );
  const cost = scored.map((line) => line.map((couple) => (couple ? -(bonus + couple.score) : 0)));
  const assignment = solveAssignment(cost);
  const proposals: Proposal[] = [];
  assignment.forEach((column, row) => {
    const couple = scored[row][column];
    if (column < 0 || !couple) return;
    const [senior, junior] = seniorsAreRows ? [rows[row], columns[column]] : [columns[column], rows[row]];
    proposals.push({ senior, junior, ...couple });
  });
  return proposals.sort((a, b) => b.score - a.score || a.senior.name.localeCompare(b.senior.name));
}
