import type { ResultsFieldsFragment } from '../../gql/graphql';

type Figure = ResultsFieldsFragment['questions'][number]['overall'];

/** Each reason a figure is withheld, numbered once for the table; a withheld cell points to its reason. */
function reasonsOf(figures: Figure[]): string[] {
  return [...new Set(figures.filter((f) => !f.shown).map((f) => f.note ?? 'Not shown.'))];
}

function FigureCell({ figure, reasons }: { figure: Figure; reasons: string[] }) {
  if (!figure.shown) {
    const n = reasons.indexOf(figure.note ?? 'Not shown.') + 1;
    return <span className="withheld">{reasons.length > 1 ? `Not shown (${n})` : 'Not shown'}</span>;
  }
  return (
    <>
      <strong>{figure.agreedPercent ?? '–'}% agreed</strong> <span className="muted">({figure.respondents} responses)</span>
    </>
  );
}

/** A questionnaire's results: "N% agreed" per group, withheld for fewer than the threshold. */
export function ResultsTable({ results }: { results: ResultsFieldsFragment }) {
  const likert = results.questions.filter((q) => q.question.kind === 'LIKERT');
  const text = results.questions.filter((q) => q.question.kind === 'TEXT');
  // Why figures are withheld is said once under the table, not repeated in every cell.
  const reasons = reasonsOf(likert.flatMap((q) => [q.overall, q.senior, q.junior]));
  const textReasons = reasonsOf(text.map((q) => q.overall));
  return (
    <div className="results">
      <p>
        {results.respondentCount} of {results.eligibleCount} co-learners responded. Figures are shown only for groups of at least {results.threshold} respondents, and
        never by person.
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Statement</th>
            <th scope="col">Everyone</th>
            <th scope="col">Senior co-learners</th>
            <th scope="col">Junior co-learners</th>
          </tr>
        </thead>
        <tbody>
          {likert.map((q) => (
            <tr key={q.question.key}>
              <th scope="row">{q.question.prompt}</th>
              <td>
                <FigureCell figure={q.overall} reasons={reasons} />
              </td>
              <td>
                <FigureCell figure={q.senior} reasons={reasons} />
              </td>
              <td>
                <FigureCell figure={q.junior} reasons={reasons} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {reasons.length > 0 && (
        <ul className="plain-list withheld-reasons">
          {reasons.map((reason, i) => (
            <li key={reason} className="withheld">
              {reasons.length > 1 ? `(${i + 1}) ` : 'Not shown: '}
              {reason}
            </li>
          ))}
        </ul>
      )}
      {textReasons.length > 0 && text.every((q) => !q.overall.shown) && text.length > 0 && (
        <p className="withheld">
          Written answers to {text.map((q) => `“${q.question.prompt}”`).join(', ')} are not shown
          {textReasons.every((r) => reasons.includes(r)) ? ' either.' : `: ${textReasons.join(' ')}`}
        </p>
      )}
      {text.filter((q) => q.overall.shown).map((q) => (
        <div key={q.question.key} className="comments">
          <h3>{q.question.prompt}</h3>
          {q.overall.shown && q.overall.answers ? (
            q.overall.answers.length ? (
              <ul className="plain-list">
                {q.overall.answers.map((a, i) => (
                  <li key={i}>“{a}”</li>
                ))}
              </ul>
            ) : (
              <p className="muted">No written answers.</p>
            )
          ) : null}
        </div>
      ))}
    </div>
  );
}
