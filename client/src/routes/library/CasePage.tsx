import { useMutation, useQuery } from '@apollo/client';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorSummary, type UserErrorLike } from '../../components/forms';
import { MeasureSeriesChart } from '../../components/MeasureSeriesChart';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import { useTitle } from '../../hooks/useTitle';
import type { SignedInViewer } from '../../hooks/useViewer';
import { sectorLabels, formatMonth } from '../../labels';
import { AdaptCaseForm } from './AdaptCaseForm';
import { CaseReview } from './CaseReview';
import { caseStatusLabels, categoryLabels, changeStatusLabels, groupLabels, outcomeLabels } from './labels';

export const SharedCaseQuery = graphql(`
  query SharedCasePage($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on SharedCase {
        title
        summary
        whatChanged
        outcomeSummary
        measures { metric unit baseline target current }
        sustainment {
          state
          inForceAtMonths
          lastReviewedIn
          measures { ...MeasureSeriesFields }
        }
        sector
        organisationName
        category
        affectedGroups
        tags
        outcome
        status
        publishedAt
        endorsementCount
        viewerHasEndorsed
        viewerCanEndorse
        viewerCanAdapt
        viewerIsAuthor
        sourceBarrier { id title }
        alikeAcrossOrganisations { shown threshold organisations withAdoptedChange inForceAtTwelveMonths summary }
        adaptationCount
        adaptations(first: 50) {
          nodes { id adaptedAt sector organisationName changeStatus progress shareProgress viewerCanChangeSharing barrier { id title } }
        }
        ...CaseReviewFields
      }
    }
  }
`);

const EndorseMutation = graphql(`
  mutation EndorseCase($input: EndorseCaseInput!) {
    endorseCase(input: $input) {
      sharedCase { id endorsementCount viewerHasEndorsed viewerCanEndorse }
      userErrors { ...UserErrorFields }
    }
  }
`);

const WithdrawEndorsementMutation = graphql(`
  mutation WithdrawCaseEndorsement($input: EndorseCaseInput!) {
    withdrawCaseEndorsement(input: $input) {
      sharedCase { id endorsementCount viewerHasEndorsed viewerCanEndorse }
      userErrors { ...UserErrorFields }
    }
  }
`);

/** One case: the story, the measures, endorsements and adaptations; the review for its authors and managers. */
export function CasePage({ viewer }: { viewer: SignedInViewer }) {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(SharedCaseQuery, { variables: { id } });
  const sharedCase = data?.node?.__typename === 'SharedCase' ? data.node : null;
  useTitle(sharedCase?.title ?? 'Case');
  const [endorse, endorsing] = useMutation(EndorseMutation);
  const [withdraw, withdrawing] = useMutation(WithdrawEndorsementMutation);
  const [problems, setProblems] = useState<readonly UserErrorLike[]>([]);

  if (loading && !data) return <p className="loading">Loading the case…</p>;
  if (!sharedCase) {
    return (
      <div className="page">
        {error ? <ProblemMessage error={error} onRetry={() => refetch()} /> : <p className="card">This case does not exist or is not visible to you.</p>}
        <p>
          <Link to="/library">Back to the library</Link>
        </p>
      </div>
    );
  }

  const toggleEndorsement = async () => {
    const input = { caseId: sharedCase.id };
    const result = sharedCase.viewerHasEndorsed
      ? (await withdraw({ variables: { input } })).data?.withdrawCaseEndorsement
      : (await endorse({ variables: { input } })).data?.endorseCase;
    setProblems(result?.userErrors ?? []);
  };

  const published = sharedCase.status === 'PUBLISHED';
  return (
    <div className="page case-page">
      <p className="breadcrumb">
        <Link to="/library">Library</Link>
      </p>
      <div className="page-header">
        <p className="case-card__meta">
          <span className={`tag outcome outcome--${sharedCase.outcome.toLowerCase()}`}>{outcomeLabels[sharedCase.outcome]}</span>
          <span>{categoryLabels[sharedCase.category]}</span>
          <span>{sharedCase.organisationName ?? `An organisation in ${sectorLabels[sharedCase.sector].toLowerCase()}`}</span>
          {!published && <span className="tag">{caseStatusLabels[sharedCase.status]}</span>}
        </p>
        <h1>{sharedCase.title}</h1>
        <p className="page-header__sub">
          {sharedCase.affectedGroups.map((g) => groupLabels[g]).join(' · ')}
          {sharedCase.publishedAt && ` — published ${formatMonth(sharedCase.publishedAt)}`}
        </p>
        {sharedCase.sourceBarrier && (
          <p>
            Written from your organisation&rsquo;s barrier{' '}
            <Link to={`/barriers/${encodeURIComponent(sharedCase.sourceBarrier.id)}`}>{sharedCase.sourceBarrier.title}</Link>.
          </p>
        )}
      </div>

      {sharedCase.redactions && <CaseReview sharedCase={sharedCase} onChanged={() => refetch()} />}

      <div className="case-layout">
        <article className="case-story">
          <section className="card">
            <h2>The barrier</h2>
            <Paragraphs text={sharedCase.summary} />
          </section>
          <section className="card">
            <h2>What changed</h2>
            <Paragraphs text={sharedCase.whatChanged} />
          </section>
          <section className="card">
            <h2>What happened</h2>
            <Paragraphs text={sharedCase.outcomeSummary} />
          </section>
          {sharedCase.measures.length > 0 && (
            <section className="card">
              <h2>How success was measured</h2>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Measure</th>
                    <th scope="col">Before</th>
                    <th scope="col">Target</th>
                    <th scope="col">Latest</th>
                  </tr>
                </thead>
                <tbody>
                  {sharedCase.measures.map((m, i) => (
                    <tr key={i}>
                      <td>{m.metric}</td>
                      <td>{withUnit(m.baseline, m.unit)}</td>
                      <td>{withUnit(m.target, m.unit)}</td>
                      <td>{m.current == null ? '—' : withUnit(m.current, m.unit)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          {sharedCase.sustainment.map((s, i) => (
            <section className="card" key={i} aria-label={sharedCase.sustainment.length > 1 ? `Still in force? Change ${i + 1}` : 'Still in force?'}>
              <h2>Still in force?</h2>
              <p>
                {s.inForceAtMonths.length > 0 && <strong>{`In force at ${s.inForceAtMonths.join(' / ')} months`}</strong>}
                {s.state === 'LAPSED' && <strong>No longer in force: a later review found it had lapsed, and the barrier was reopened.</strong>}
                {s.inForceAtMonths.length === 0 && s.state !== 'LAPSED' && 'Adopted; not reviewed yet.'}
                {s.lastReviewedIn && <span className="muted">{` Last reviewed ${formatMonth(`${s.lastReviewedIn}-01`)}.`}</span>}
              </p>
              {s.measures.map((series) => (
                <MeasureSeriesChart key={series.metric} series={series} whenHeading="Month" />
              ))}
            </section>
          ))}
          {sharedCase.tags.length > 0 && (
            <p className="tags" aria-label="Tags">
              {sharedCase.tags.map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </p>
          )}
        </article>

        {published && (
          <aside className="case-side">
            <section className="card" aria-labelledby="endorsements-heading">
              <h2 id="endorsements-heading">
                Endorsements <span className="count">{sharedCase.endorsementCount}</span>
              </h2>
              <p className="muted">Members of other organisations endorse a case they found useful.</p>
              <ErrorSummary errors={problems} />
              {(sharedCase.viewerCanEndorse || sharedCase.viewerHasEndorsed) && (
                <button type="button" className="button button--secondary" disabled={endorsing.loading || withdrawing.loading} onClick={toggleEndorsement}>
                  {sharedCase.viewerHasEndorsed ? 'Withdraw my endorsement' : 'Endorse this case'}
                </button>
              )}
            </section>

            <section className="card" aria-labelledby="reach-heading">
              <h2 id="reach-heading">Across organisations</h2>
              <AcrossOrganisations reach={sharedCase.alikeAcrossOrganisations} />
            </section>

            <section className="card" aria-labelledby="adaptations-heading">
              <h2 id="adaptations-heading">
                Adapted in {sharedCase.adaptationCount} {sharedCase.adaptationCount === 1 ? 'organisation' : 'organisations'}
              </h2>
              {sharedCase.adaptations.nodes.length > 0 && (
                <ul className="plain-list adaptations">
                  {sharedCase.adaptations.nodes.map((a) => (
                    <li key={a.id}>
                      <strong>{a.organisationName ?? `An organisation in ${sectorLabels[a.sector].toLowerCase()}`}</strong>
                      <span className="muted"> — {formatMonth(a.adaptedAt)}</span>
                      <br />
                      {a.changeStatus ? (
                        <span>
                          {changeStatusLabels[a.changeStatus]}
                          {a.progress ? `, ${a.progress}% done` : ''}
                        </span>
                      ) : (
                        <span className="muted">Progress not shared</span>
                      )}
                      {a.barrier && (
                        <>
                          <br />
                          <span>
                            Your organisation’s barrier: <Link to={`/barriers/${encodeURIComponent(a.barrier.id)}`}>{a.barrier.title}</Link>
                          </span>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {sharedCase.viewerCanAdapt && <AdaptCaseForm caseId={sharedCase.id} viewer={viewer} onAdapted={() => refetch()} />}
            </section>
          </aside>
        )}
      </div>
    </div>
  );
}

type Reach = { shown: boolean; threshold: number; organisations?: number | null; withAdoptedChange?: number | null; inForceAtTwelveMonths?: number | null; summary: string };

/** "Reported in N organisations; M adopted a change; K still in force at 12 months": counts only, never which. */
function AcrossOrganisations({ reach }: { reach: Reach }) {
  if (!reach.shown) {
    return <p className="muted">{reach.summary} Alike means the same category, a shared affected group and similar wording.</p>;
  }
  return (
    <>
      <p>{reach.summary}</p>
      <dl className="reach">
        <div>
          <dt>Organisations reporting a barrier like this</dt>
          <dd>{reach.organisations}</dd>
        </div>
        <div>
          <dt>Adopted a change</dt>
          <dd>{reach.withAdoptedChange}</dd>
        </div>
        {reach.inForceAtTwelveMonths != null && (
          <div>
            <dt>Still in force at 12 months</dt>
            <dd>{reach.inForceAtTwelveMonths}</dd>
          </div>
        )}
      </dl>
      <p className="muted">Counted across the community, only where at least {reach.threshold} organisations besides yours match; which ones is never shown.</p>
    </>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i} className="pre-line">
          {paragraph}
        </p>
      ))}
    </>
  );
}

function withUnit(value: number, unit?: string | null) {
  return unit === '%' ? `${value}%` : unit ? `${value} ${unit}` : String(value);
}
