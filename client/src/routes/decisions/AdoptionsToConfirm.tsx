import { useQuery } from '@apollo/client';
import { Link } from 'react-router';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import { plural, sponsorReasonLabels } from '../../labels';

const AdoptionsToConfirmQuery = graphql(`
  query AdoptionsToConfirm {
    adoptionsToConfirm(first: 50) {
      totalCount
      nodes {
        id
        title
        adoptionEvidence {
          policyOrProcess
        }
        adoptionConfirmation {
          confirmer
          reason
        }
        barrier {
          id
          title
        }
      }
    }
  }
`);

/** Adoptions put forward that wait for the viewer's confirmation: as owner, or as sponsor where the owner has a conflict of interest. */
export function AdoptionsToConfirm() {
  const { data, error, refetch } = useQuery(AdoptionsToConfirmQuery, { fetchPolicy: 'cache-and-network' });
  if (error) return <ProblemMessage error={error} onRetry={() => refetch()} />;
  const changes = data?.adoptionsToConfirm.nodes ?? [];
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby="confirm-heading" className="card">
      <h2 id="confirm-heading">{plural(data!.adoptionsToConfirm.totalCount, 'adoption')} to confirm</h2>
      <p className="muted">Put forward with evidence by the pair or the owner: confirm each change is really in place, or send it back with what is missing.</p>
      <ul className="plain-list">
        {changes.map((change) => (
          <li key={change.id}>
            <Link to={`/changes/${encodeURIComponent(change.id)}`}>{change.title}</Link>
            {change.adoptionEvidence && ` — ${change.adoptionEvidence.policyOrProcess}`}
            {change.adoptionConfirmation?.confirmer === 'SPONSOR' && (
              <span className="muted"> (as sponsor: {sponsorReasonLabels[change.adoptionConfirmation.reason ?? 'CONFLICT_OF_INTEREST']})</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
