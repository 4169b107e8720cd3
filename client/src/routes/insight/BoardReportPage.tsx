import { useQuery } from '@apollo/client';
import { Link, useSearchParams } from 'react-router';
import { Bar, BarChart, LabelList, XAxis, YAxis } from 'recharts';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useTitle } from '../../hooks/useTitle';
import { formatDate } from '../../labels';
import { FigureTable } from './ChartFigure';
import { CHART_COLOURS } from './DashboardPage';
import { categoryLabels, changeStageLabels, days, percent } from './insight-labels';
import { BoardReportQuery } from './queries';
import { graphql } from '../../gql';
import { ResultsTable } from './ResultsTable';
import { ComparisonTable } from './ComparisonTable';

const ReportProgrammesQuery = graphql(`
  query ReportProgrammes {
    programmes(first: 50) {
      nodes {
        id
        name
        status
      }
    }
  }
`);

const withUnit = (value: number, unit: string | null | undefined) => (!unit ? String(value) : unit === '%' ? `${value}%` : `${value} ${unit}`);

/** A printable summary of one programme for the board: funnel, adopted changes with evidence, evaluation and its change between questionnaires. */
export function BoardReportPage() {
  useTitle('Board report');
  const [params] = useSearchParams();
  const programmeId = params.get('programme') ?? '';
  const { data, error, loading, refetch } = useQuery(BoardReportQuery, { variables: { programmeId }, skip: !programmeId });
  const d = data?.programmeDashboard;

  if (!programmeId) return <ChooseProgramme />;
  if (error && !d) return <ProblemMessage error={error} onRetry={() => refetch()} />;
  if (loading || !d) return <p className="loading">Loading the report…</p>;

  const adopted = d.funnel.steps.find((s) => s.stage === 'ADOPTED')?.count ?? 0;
  const endToEnd = d.timeToAdoption.find((t) => t.stage === 'END_TO_END');
  return (
    <article className="report">
      <div className="report__actions no-print">
        <Link to={`/insight?programme=${encodeURIComponent(programmeId)}`}>← Back to the dashboard</Link>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </div>
      <header className="report__header">
        <p className="report__org">{d.organisation.name}</p>
        <h1>{d.title}: report to the board</h1>
        <p className="muted">Figures as of {formatDate(d.asOf)}</p>
        {d.smallGroupNote && <p className="small-group-note">{d.smallGroupNote}</p>}
      </header>

      <section className="report__section">
        <h2>In brief</h2>
        <p>
          Co-learning pairs raised {d.funnel.steps[0]?.count ?? 0} barriers and proposed {d.funnel.steps.find((s) => s.stage === 'CHANGES_PROPOSED')?.count ?? 0} changes;{' '}
          {adopted} {adopted === 1 ? 'change has' : 'changes have'} been adopted ({percent(d.funnel.adoptionRate)} of those proposed), taking a median of {days(endToEnd?.medianDays)} from
          proposal to adoption. {d.overdueChanges.length} {d.overdueChanges.length === 1 ? 'change is' : 'changes are'} past their target date.
        </p>
      </section>

      <section className="report__section">
        <h2>From barrier to adopted change</h2>
        <div aria-hidden="true" className="report__chart">
          <BarChart accessibilityLayer={false} width={640} height={300} data={d.funnel.steps.map((s) => ({ name: s.label, count: s.count, rate: s.conversionRate == null ? '' : percent(s.conversionRate) }))} layout="vertical" margin={{ left: 20, right: 50 }}>
            <XAxis type="number" hide />
            <YAxis type="category" dataKey="name" width={250} />
            <Bar dataKey="count" fill={CHART_COLOURS.teal} isAnimationActive={false}>
              <LabelList dataKey="count" position="insideRight" fill="#fff" />
              <LabelList dataKey="rate" position="right" />
            </Bar>
          </BarChart>
        </div>
        <FigureTable
          caption="The change funnel"
          head={['Stage', 'Count', 'Share of the bar before']}
          rows={[...d.funnel.steps.map((s) => [s.label, s.count, percent(s.conversionRate)]), ['Changes rejected', d.funnel.rejected, ''], ['Changes withdrawn', d.funnel.withdrawn, '']]}
        />
        <h3>Time in each stage (median)</h3>
        <FigureTable caption="Median days in each stage" head={['Stage', 'Median days', 'Changes']} rows={d.timeToAdoption.map((t) => [changeStageLabels[t.stage], t.medianDays ?? '–', t.changes])} />
      </section>

      <section className="report__section">
        <h2>Adopted changes and their evidence</h2>
        {d.adoptedChanges.length === 0 && <p>No change has been adopted yet.</p>}
        {d.adoptedChanges.map((c) => (
          <div key={c.changeId} className="report__change">
            <h3>{c.title}</h3>
            <p className="muted">
              Addresses “{c.barrierTitle}” ({categoryLabels[c.barrierCategory]}) · owner {c.owner.displayName} · adopted {formatDate(c.adoptedAt)}
            </p>
            {c.evidence && (
              <p>
                <strong>{c.evidence.policyOrProcess}</strong>, in effect from {formatDate(c.evidence.effectiveFrom)}. {c.evidence.summary}{' '}
                {c.evidence.link && <a href={c.evidence.link}>Evidence</a>}
              </p>
            )}
            {c.successMeasures.length > 0 && (
              <ul className="plain-list">
                {c.successMeasures.map((m) => (
                  <li key={m.metric}>
                    {m.metric}: from {withUnit(m.baseline, m.unit)} towards {withUnit(m.target, m.unit)}
                    {m.current != null ? `, now ${withUnit(m.current, m.unit)}` : ''}
                  </li>
                ))}
              </ul>
            )}
            {c.sustainment && (
              <>
                <p>
                  <strong>
                    {c.sustainment.state === 'LAPSED'
                      ? 'No longer in force: a review found it had lapsed.'
                      : c.sustainment.inForceAtMonths.length
                        ? `In force at ${c.sustainment.inForceAtMonths.join(' / ')} months.`
                        : 'Not reviewed yet.'}
                  </strong>
                  {c.sustainment.state === 'REVIEW_MISSED' && ' A review is overdue.'}
                </p>
                <ul className="plain-list" aria-label={`Measures over time: ${c.title}`}>
                  {c.sustainment.measures.map((m) => (
                    <li key={m.metric}>
                      {m.metric}: {m.points.map((p) => `${p.label} ${withUnit(p.value, m.unit)}`).join(' → ')} (target {withUnit(m.target, m.unit)})
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        ))}
      </section>

      {d.evaluationChange && (
        <section className="report__section">
          <h2>How co-learners’ views changed</h2>
          <ComparisonTable comparison={d.evaluationChange} />
        </section>
      )}

      <section className="report__section">
        <h2>Still in force: the sustainment index</h2>
        <p>Adopted changes are reviewed by their owners at set months after adoption. The index is the share of those reviewed that were still in force.</p>
        {(d.sustainment ?? []).map((cohort) =>
          cohort.points.length === 0 ? (
            <p key={cohort.programmeId}>No adopted change of {cohort.name} has a review scheduled yet.</p>
          ) : (
            <FigureTable
              key={cohort.programmeId}
              caption={`Sustainment index of ${cohort.name}`}
              head={['Review', 'Reviewed', 'Still in force', 'Index', 'Missed']}
              rows={cohort.points.map((p) => [`${p.months} months`, p.reviewed, p.inForce, p.index == null ? '–' : percent(p.index), p.missed])}
            />
          ),
        )}
      </section>

      <section className="report__section">
        <h2>What co-learners said</h2>
        {d.questionnaire?.results ? (
          <>
            <h3>{d.questionnaire.title}</h3>
            <ResultsTable results={d.questionnaire.results} />
          </>
        ) : (
          <p>No questionnaire has been opened yet.</p>
        )}
      </section>
    </article>
  );
}

/** A report covers one programme: opened without one, offer the programmes instead of a dead end. */
function ChooseProgramme() {
  const { data, error, refetch } = useQuery(ReportProgrammesQuery);
  const programmes = data?.programmes.nodes ?? [];
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/insight">Insight</Link>
      </p>
      <div className="page-header">
        <h1>Board report</h1>
        <p className="page-header__sub">A report to the board covers one programme. Which one?</p>
      </div>
      {error && <ProblemMessage error={error} onRetry={() => refetch()} />}
      {data && programmes.length === 0 && <p className="card">There is no programme to report on yet.</p>}
      {programmes.length > 0 && (
        <ul className="card plain-list">
          {programmes.map((p) => (
            <li key={p.id}>
              <Link to={`/insight/report?programme=${encodeURIComponent(p.id)}`}>{p.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
