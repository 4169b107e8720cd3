import { useQuery } from '@apollo/client';
import { Link, useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SelectField } from '../../components/forms';
import { ProblemMessage } from '../../components/ProblemMessage';
import type { DashboardFieldsFragment } from '../../gql/graphql';
import { useTitle } from '../../hooks/useTitle';
import type { SignedInViewer } from '../../hooks/useViewer';
import { formatDate } from '../../labels';
import { ChartFigure, FigureTable } from './ChartFigure';
import { categoryLabels, changeStageLabels, changeStatusLabels, days, groupLabels, percent } from './insight-labels';
import { OrganisationDashboardQuery, ProgrammeDashboardQuery } from './queries';
import { QuietPairs } from './QuietPairs';

export const CHART_COLOURS = { teal: '#2a6276', tealLight: '#7fb3c2', amber: '#e0a458', danger: '#a4262c', ink: '#4a5a62' };

/** The programme manager's dashboard (owners see their own changes): the organisation, or one programme with `?programme=`. */
export function DashboardPage({ viewer }: { viewer: SignedInViewer }) {
  useTitle('Insight');
  const [params, setParams] = useSearchParams();
  const programmeId = params.get('programme');
  const organisationId = viewer.memberships.find((m) => m.roles.includes('PROGRAMME_MANAGER') || m.roles.includes('OWNER'))?.organisation.id ?? null;
  const org = useQuery(OrganisationDashboardQuery, { variables: { organisationId }, skip: Boolean(programmeId) });
  const programme = useQuery(ProgrammeDashboardQuery, { variables: { programmeId: programmeId ?? '' }, skip: !programmeId });
  const { data, loading, error, refetch } = programmeId ? { ...programme, data: programme.data?.programmeDashboard } : { ...org, data: org.data?.organisationDashboard };
  // the programme list comes from the organisation dashboard; keep it while a programme is shown
  const programmes = org.data?.organisationDashboard.programmes ?? data?.programmes ?? [];

  return (
    <div className="page insight">
      <div className="page-header page-header--split">
        <div>
          <h1>Insight</h1>
          <p className="page-header__sub">{data ? `${data.title} · figures as of ${formatDate(data.asOf)}` : 'How the programme is changing the organisation'}</p>
        </div>
        {data?.access === 'FULL' && (
          <SelectField
            label="Programme"
            value={programmeId ?? ''}
            onChange={(event) => setParams(event.target.value ? { programme: event.target.value } : {})}
          >
            <option value="">All programmes</option>
            {programmes.map((p) => (
              <option key={p.programmeId} value={p.programmeId}>
                {p.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      {error && !data && <ProblemMessage error={error} onRetry={() => refetch()} />}
      {loading && !data && <p className="loading">Loading the figures…</p>}
      {data && <DashboardBody dashboard={data} programmeId={programmeId} />}
    </div>
  );
}

function DashboardBody({ dashboard, programmeId }: { dashboard: DashboardFieldsFragment; programmeId: string | null }) {
  const d = dashboard;
  const scope = programmeId ? `?programmeId=${encodeURIComponent(programmeId)}` : `?organisationId=${encodeURIComponent(d.organisation.id)}`;
  const full = d.access === 'FULL';
  const funnelData = d.funnel.steps.map((s) => ({ name: s.label, count: s.count, rate: s.conversionRate == null ? '' : percent(s.conversionRate) }));

  return (
    <>
      {d.smallGroupNote && (
        <p className="notice notice--info small-group-note" role="note">
          {d.smallGroupNote}
        </p>
      )}
      <section className="card insight-actions no-print" aria-label="Downloads and reports">
        {!full && <p>You see the changes you own.</p>}
        <ul className="link-row">
          <li>
            <a className="button button--secondary button--small" href={`/exports/changes.csv${scope}`} download>
              Download changes (CSV)
            </a>
          </li>
          {full && (
            <li>
              <a className="button button--secondary button--small" href={`/exports/barriers.csv${scope}`} download>
                Download barriers (CSV)
              </a>
            </li>
          )}
          {full && programmeId && (
            <li>
              <Link className="button button--primary button--small" to={`/insight/report?programme=${encodeURIComponent(programmeId)}`}>
                Board report
              </Link>
            </li>
          )}
          {full && (
            <li>
              <Link className="button button--quiet button--small" to="/questionnaires">
                Evaluation questionnaires
              </Link>
            </li>
          )}
          {full && !programmeId && d.programmes && d.programmes.length > 0 && (
            <li className="muted insight-actions__hint">Choose a programme above for its printable board report.</li>
          )}
        </ul>
      </section>

      <ul className="kpis" aria-label="Headline figures">
        <li className="kpi">
          <span className="kpi__value">{d.funnel.steps.find((s) => s.stage === 'ADOPTED')?.count ?? 0}</span>
          <span className="kpi__label">changes adopted</span>
        </li>
        <li className="kpi">
          <span className="kpi__value">{percent(d.funnel.adoptionRate)}</span>
          <span className="kpi__label">of proposed changes adopted</span>
        </li>
        <li className="kpi">
          <span className="kpi__value">{days(d.timeToAdoption.find((t) => t.stage === 'END_TO_END')?.medianDays)}</span>
          <span className="kpi__label">median from proposal to adoption</span>
        </li>
        <li className="kpi">
          <span className="kpi__value">{d.overdueChanges.length}</span>
          <span className="kpi__label">changes overdue</span>
        </li>
        {d.pairActivity && (
          <li className="kpi">
            <span className="kpi__value">{d.pairActivity.quietPairCount}</span>
            <span className="kpi__label">pairs gone quiet</span>
          </li>
        )}
      </ul>

      <div className="chart-grid">
        <ChartFigure
          title="From barrier to adopted change"
          summary={`Barriers first, then changes: each bar says what it counts, and its percentage is the share of the bar before that counts the same thing. Also ${d.funnel.rejected} changes rejected and ${d.funnel.withdrawn} withdrawn.`}
          chart={
            <ResponsiveContainer width="100%" height={340}>
              <BarChart accessibilityLayer={false} data={funnelData} layout="vertical" margin={{ left: 24, right: 48 }}>
                <CartesianGrid horizontal={false} stroke="#e9e5dc" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={190} />
                <Tooltip />
                <Bar dataKey="count" name="Count" fill={CHART_COLOURS.teal} isAnimationActive={false}>
                  <LabelList dataKey="rate" position="right" />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          }
          table={
            <FigureTable
              caption="The change funnel"
              head={['Stage', 'Count', 'Conversion from the stage before']}
              rows={[
                ...d.funnel.steps.map((s) => [s.label, s.count, percent(s.conversionRate)]),
                ['Rejected', d.funnel.rejected, ''],
                ['Withdrawn', d.funnel.withdrawn, ''],
              ]}
            />
          }
        />

        <ChartFigure
          title="Time to adoption"
          summary="Median days changes spent in each stage, and from proposal to adoption."
          chart={
            <ResponsiveContainer width="100%" height={280}>
              <BarChart accessibilityLayer={false} data={d.timeToAdoption.map((t) => ({ name: changeStageLabels[t.stage], days: t.medianDays ?? 0 }))} margin={{ bottom: 24 }}>
                <CartesianGrid vertical={false} stroke="#e9e5dc" />
                <XAxis dataKey="name" interval={0} angle={-15} textAnchor="end" height={50} />
                <YAxis unit=" d" />
                <Tooltip />
                <Bar dataKey="days" name="Median days" isAnimationActive={false}>
                  {d.timeToAdoption.map((t) => (
                    <Cell key={t.stage} fill={t.stage === 'END_TO_END' ? CHART_COLOURS.amber : CHART_COLOURS.tealLight} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          }
          table={
            <FigureTable
              caption="Median days in each stage"
              head={['Stage', 'Median days', 'Changes measured']}
              rows={d.timeToAdoption.map((t) => [changeStageLabels[t.stage], t.medianDays ?? '–', t.changes])}
            />
          }
        />

        {d.barriersByCategory && (
          <ChartFigure
            title="Barriers by category"
            chart={
              <ResponsiveContainer width="100%" height={260}>
                <BarChart accessibilityLayer={false} data={d.barriersByCategory.map((c) => ({ name: categoryLabels[c.category], barriers: c.barriers }))}>
                  <CartesianGrid vertical={false} stroke="#e9e5dc" />
                  <XAxis dataKey="name" interval={0} angle={-30} textAnchor="end" height={60} fontSize={12} />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Bar dataKey="barriers" name="Barriers" fill={CHART_COLOURS.teal} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            }
            table={<FigureTable caption="Barriers by category" head={['Category', 'Barriers']} rows={d.barriersByCategory.map((c) => [categoryLabels[c.category], c.barriers])} />}
          />
        )}

        {d.barriersByAffectedGroup && (
          <ChartFigure
            title="Barriers by affected group"
            summary="A barrier affecting two groups counts in both."
            chart={
              <ResponsiveContainer width="100%" height={300}>
                <BarChart accessibilityLayer={false} data={d.barriersByAffectedGroup.filter((g) => g.barriers > 0).map((g) => ({ name: groupLabels[g.group], barriers: g.barriers }))} layout="vertical" margin={{ left: 24 }}>
                  <CartesianGrid horizontal={false} stroke="#e9e5dc" />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="name" width={170} fontSize={12} />
                  <Tooltip />
                  <Bar dataKey="barriers" name="Barriers" fill={CHART_COLOURS.amber} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            }
            table={<FigureTable caption="Barriers by affected group" head={['Affected group', 'Barriers']} rows={d.barriersByAffectedGroup.map((g) => [groupLabels[g.group], g.barriers])} />}
          />
        )}

        {d.pairActivity && (
          <ChartFigure
            title="Pair activity"
            summary={`${d.pairActivity.sessionsLogged} sessions logged against ${d.pairActivity.sessionsExpected} expected by the pairs’ contracts; ${d.pairActivity.quietPairCount} of ${d.pairActivity.activePairCount} active pairs have gone quiet.`}
            chart={
              <ResponsiveContainer width="100%" height={280}>
                <BarChart accessibilityLayer={false}
                  data={d.pairActivity.pairs.slice(0, 30).map((p) => ({
                    name: `${p.senior.displayName.split(' ')[0]} & ${p.junior.displayName.split(' ')[0]}`,
                    logged: p.sessionsLogged,
                    expected: p.sessionsExpected ?? 0,
                    quiet: p.quiet,
                  }))}
                  margin={{ bottom: 24 }}
                >
                  <CartesianGrid vertical={false} stroke="#e9e5dc" />
                  <XAxis dataKey="name" interval={0} angle={-20} textAnchor="end" height={60} fontSize={12} />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend verticalAlign="top" formatter={(value) => <span style={{ color: CHART_COLOURS.ink }}>{value}</span>} />
                  <Bar dataKey="expected" name="Expected" fill="#c9c2b3" isAnimationActive={false} />
                  <Bar dataKey="logged" name="Logged (red: gone quiet)" fill={CHART_COLOURS.teal} isAnimationActive={false}>
                    {d.pairActivity.pairs.slice(0, 30).map((p) => (
                      <Cell key={p.pairId} fill={p.quiet ? CHART_COLOURS.danger : CHART_COLOURS.teal} />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            }
            table={
              <FigureTable
                caption="Sessions per pair"
                head={['Pair', 'Sessions logged', 'Conversations', 'Shadowing or visits', 'Group sessions', 'Expected', 'Last session', 'Gone quiet']}
                rows={d.pairActivity.pairs.map((p) => [
                  `${p.senior.displayName} & ${p.junior.displayName}`,
                  p.sessionsLogged,
                  p.conversations,
                  p.shadowing,
                  p.groupSessions,
                  p.sessionsExpected ?? '–',
                  p.lastSessionOn ? formatDate(p.lastSessionOn) : 'never',
                  p.quiet ? 'yes' : 'no',
                ])}
              />
            }
          />
        )}
      </div>

      {full && d.pairActivity && <QuietPairs pairs={d.pairActivity.pairs} />}

      <section className="card">
        <h2>Overdue changes by owner</h2>
        {d.overdueByOwner.length === 0 ? (
          <p>No change is past its target date.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Owner</th>
                <th scope="col" className="num">Overdue</th>
                <th scope="col">Oldest target date</th>
                <th scope="col" className="num">Most days overdue</th>
              </tr>
            </thead>
            <tbody>
              {d.overdueByOwner.map((o) => (
                <tr key={o.owner.id}>
                  <th scope="row">{o.owner.displayName}</th>
                  <td className="num">{o.overdueCount}</td>
                  <td>{formatDate(o.oldestTargetDate)}</td>
                  <td className="num">{o.maxDaysOverdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {d.overdueChanges.length > 0 && (
          <>
            <h3>The changes</h3>
            <ul className="plain-list">
              {d.overdueChanges.map((c) => (
                <li key={c.changeId}>
                  <Link to={`/changes/${encodeURIComponent(c.changeId)}`}>{c.title}</Link> · {changeStatusLabels[c.status]} · {c.owner.displayName} · due {formatDate(c.targetDate)} ({days(c.daysOverdue)} overdue)
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {d.mostCorroboratedBarriers && (
        <section className="card">
          <h2>Systemic barriers</h2>
          <p className="page-header__sub">The barriers most corroborated by other pairs, across divisions.</p>
          {d.mostCorroboratedBarriers.length === 0 ? (
            <p>No barrier has been corroborated yet.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Barrier</th>
                  <th scope="col">Category</th>
                  <th scope="col" className="num">Pairs who see it too</th>
                  <th scope="col" className="num">Divisions</th>
                  <th scope="col" className="num">Changes</th>
                </tr>
              </thead>
              <tbody>
                {d.mostCorroboratedBarriers.map((b) => (
                  <tr key={b.barrierId}>
                    <th scope="row">
                      <Link to={`/barriers/${encodeURIComponent(b.barrierId)}`}>{b.title}</Link>
                    </th>
                    <td>{categoryLabels[b.category]}</td>
                    <td className="num">{b.corroborations}</td>
                    <td className="num">{b.divisions}</td>
                    <td className="num">{b.changes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}

      {d.programmes && !programmeId && (
        <section className="card">
          <h2>Programmes</h2>
          <FigureTable
            caption="Each programme in figures"
            head={['Programme', 'Pairs', 'Barriers', 'Changes', 'Adopted']}
            rows={d.programmes.map((p) => [p.name, p.pairs, p.barriers, p.changes, p.adopted])}
          />
        </section>
      )}
    </>
  );
}
