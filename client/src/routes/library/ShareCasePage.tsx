import { useMutation, useQuery } from '@apollo/client';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary, type UserErrorLike } from '../../components/forms';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import { useTitle } from '../../hooks/useTitle';
import type { SignedInViewer } from '../../hooks/useViewer';
import { formatMonth } from '../../labels';
import { caseStatusLabels, categoryLabels } from './labels';

const SharingQuery = graphql(`
  query CaseSharing($organisationId: ID!) {
    casePublicationCandidates(first: 50) {
      nodes { changeCount barrier { id title category } }
    }
    organisationCases(organisationId: $organisationId, first: 50) {
      totalCount
      nodes { id title status requestedAt openRedactionCount consents { complete } }
    }
  }
`);

const RequestMutation = graphql(`
  mutation RequestCasePublication($input: RequestCasePublicationInput!) {
    requestCasePublication(input: $input) {
      sharedCase { id }
      userErrors { ...UserErrorFields }
    }
  }
`);

/** Where co-learners start a case from one of their barriers, and managers find the cases to review. */
export function ShareCasePage({ viewer }: { viewer: SignedInViewer }) {
  // Co-learners start cases here; a programme manager who is not a co-learner only reviews them.
  const isCoLearner = viewer.roles.includes('CO_LEARNER');
  const heading = isCoLearner ? 'Share a case' : 'Cases to review';
  useTitle(heading);
  const organisationId = viewer.organisation?.id ?? viewer.memberships[0]?.organisation.id ?? '';
  const { data, loading, error, refetch } = useQuery(SharingQuery, { variables: { organisationId }, skip: !organisationId, fetchPolicy: 'cache-and-network' });
  const [request, requesting] = useMutation(RequestMutation);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const navigate = useNavigate();

  const start = async (barrierId: string) => {
    const payload = (await request({ variables: { input: { barrierId } } })).data?.requestCasePublication;
    setErrors(payload?.userErrors ?? []);
    if (payload?.sharedCase) navigate(`/library/cases/${encodeURIComponent(payload.sharedCase.id)}`);
  };

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/library">Library</Link>
      </p>
      <div className="page-header">
        <h1>{heading}</h1>
        {isCoLearner ? (
          <p className="page-header__sub">
            Turn a barrier your pair worked on into an anonymised case. Personal data is flagged for you to resolve, both of you consent, and a programme manager approves before
            anyone else can read it.
          </p>
        ) : (
          <p className="page-header__sub">
            Cases co-learners in your organisation started from their barriers. Once both co-learners have consented, you check the text and approve it for the library.
          </p>
        )}
      </div>
      {error && <ProblemMessage error={error} onRetry={() => refetch()} />}
      {loading && !data && <p className="loading">Loading…</p>}
      <ErrorSummary errors={errors} />

      {isCoLearner && (
        <section className="card" aria-labelledby="candidates-heading">
          <h2 id="candidates-heading">Your barriers ready to share</h2>
          {data && data.casePublicationCandidates.nodes.length === 0 && <p className="muted">None yet: a barrier can be shared once a change for it has been submitted.</p>}
          <ul className="plain-list candidates">
            {data?.casePublicationCandidates.nodes.map((c) => (
              <li key={c.barrier.id}>
                <strong>{c.barrier.title}</strong>
                <span className="muted">
                  {' '}
                  — {categoryLabels[c.barrier.category]}, {c.changeCount} {c.changeCount === 1 ? 'change' : 'changes'}
                </span>{' '}
                <button type="button" className="button button--secondary button--small" disabled={requesting.loading} onClick={() => start(c.barrier.id)}>
                  Start a case
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="cases-heading">
        <h2 id="cases-heading">
          {viewer.roles.includes('PROGRAMME_MANAGER') ? 'Cases from your organisation' : 'Your pair’s cases'} <span className="count">{data?.organisationCases.totalCount ?? 0}</span>
        </h2>
        {data && data.organisationCases.nodes.length === 0 && <p className="muted">No case has been started yet.</p>}
        <table className="table">
          <tbody>
            {data?.organisationCases.nodes.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/library/cases/${encodeURIComponent(c.id)}`}>{c.title}</Link>
                </td>
                <td>
                  <span className="tag">{caseStatusLabels[c.status]}</span>
                  {c.openRedactionCount ? <span className="muted"> {c.openRedactionCount} to resolve</span> : null}
                </td>
                <td className="muted">Started {formatMonth(c.requestedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
