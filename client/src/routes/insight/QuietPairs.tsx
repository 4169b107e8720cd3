import { Link } from 'react-router';
import { formatDate } from '../../labels';
import { NudgePair } from '../programmes/NudgePair';

interface QuietPair {
  pairId: string;
  quiet: boolean;
  lastSessionOn?: string | null;
  daysSinceLastSession?: number | null;
  lastNudgedAt?: string | null;
  senior: { displayName: string };
  junior: { displayName: string };
}

/** For programme managers: the pairs that have gone quiet, each with a nudge to hand. */
export function QuietPairs({ pairs }: { pairs: readonly QuietPair[] }) {
  const quiet = pairs.filter((pair) => pair.quiet);
  if (quiet.length === 0) return null;
  return (
    <section className="card" aria-labelledby="quiet-pairs-heading">
      <h2 id="quiet-pairs-heading">Pairs gone quiet</h2>
      <p className="muted">No session for longer than their contract’s cadence allows. A nudge asks both co-learners how it is going.</p>
      <ul className="plain-list quiet-pairs">
        {quiet.map((pair) => (
          <li key={pair.pairId}>
            <Link to={`/pair/${encodeURIComponent(pair.pairId)}`}>
              {pair.senior.displayName} and {pair.junior.displayName}
            </Link>{' '}
            <span className="muted">
              · {pair.lastSessionOn ? `last session ${formatDate(pair.lastSessionOn)} (${pair.daysSinceLastSession} days ago)` : 'no session yet'}
            </span>
            <NudgePair pair={{ id: pair.pairId, lastNudgedAt: pair.lastNudgedAt, senior: pair.senior, junior: pair.junior }} />
          </li>
        ))}
      </ul>
    </section>
  );
}
