import type { ResultsFieldsFragment } from '../../gql/graphql';

type Figure = ResultsFieldsFragment['questions'][number]['overall'];

function FigureCell({ figure }: { figure: Figure }) {
  if (!figure.shown) return <span className="withheld">{figure.note ?? 'Not shown'}</span>;
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
                <FigureCell figure={q.overall} />
              </td>
              <td>
                <FigureCell figure={q.senior} />
              </td>
              <td>
                <FigureCell figure={q.junior} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {text.map((q) => (
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
          ) : (
            <p className="withheld">{q.overall.note ?? 'Not shown'}</p>
          )}
        </div>
      ))}
    </div>
  );
}
