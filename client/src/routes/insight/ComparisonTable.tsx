import type { ComparisonFieldsFragment } from '../../gql/graphql';
import { phaseLabels } from './insight-labels';

type Change = ComparisonFieldsFragment['questions'][number]['overall'];

const signed = (points: number) => (points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : '±0');

function ChangeCell({ change, reasons }: { change: Change; reasons: string[] }) {
  if (!change.shown) {
    const n = reasons.indexOf(change.note ?? 'Not compared.') + 1;
    return <span className="withheld">{reasons.length > 1 ? `Not compared (${n})` : 'Not compared'}</span>;
  }
  const points = change.change ?? 0;
  return (
    <>
      {change.fromAgreedPercent}% → {change.toAgreedPercent}%{' '}
      <strong className={points > 0 ? 'change--up' : points < 0 ? 'change--down' : undefined}>
        {signed(points)} {Math.abs(points) === 1 ? 'point' : 'points'}
      </strong>
      <br />
      <span className="muted">
        ({change.fromRespondents} then {change.toRespondents} responses)
      </span>
    </>
  );
}

/** How "% agreed" moved between two questionnaires, per group; withheld cells point to one list of reasons. */
export function ComparisonTable({ comparison }: { comparison: ComparisonFieldsFragment }) {
  const from = phaseLabels[comparison.from.phase].toLowerCase();
  const to = phaseLabels[comparison.to.phase].toLowerCase();
  const reasons = [...new Set(comparison.questions.flatMap((q) => [q.overall, q.senior, q.junior]).filter((c) => !c.shown).map((c) => c.note ?? 'Not compared.'))];
  if (comparison.note) return <p className="muted">{comparison.note}</p>;
  return (
    <div className="results">
      <p>
        “% agreed” in the {from} questionnaire, then in the {to} one, and the change in percentage points. A group is compared only where it has at least{' '}
        {comparison.threshold} respondents in both; answers are never matched person by person.
      </p>
      <table className="table">
        <caption className="visually-hidden">
          Change in agreement from the {from} to the {to} questionnaire
        </caption>
        <thead>
          <tr>
            <th scope="col">Statement</th>
            <th scope="col">Everyone</th>
            <th scope="col">Senior co-learners</th>
            <th scope="col">Junior co-learners</th>
          </tr>
        </thead>
        <tbody>
          {comparison.questions.map((q) => (
            <tr key={q.question.key}>
              <th scope="row">{q.question.prompt}</th>
              <td>
                <ChangeCell change={q.overall} reasons={reasons} />
              </td>
              <td>
                <ChangeCell change={q.senior} reasons={reasons} />
              </td>
              <td>
                <ChangeCell change={q.junior} reasons={reasons} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {reasons.length > 0 && (
        <ul className="plain-list withheld-reasons">
          {reasons.map((reason, i) => (
            <li key={reason} className="withheld">
              {reasons.length > 1 ? `(${i + 1}) ` : ''}
              {reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
