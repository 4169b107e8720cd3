import { useQuery } from '@apollo/client';
import { Link } from 'react-router';
import { ProblemMessage } from '../components/ProblemMessage';
import { RoleBadges } from '../components/RoleBadges';
import { Flag } from '../components/StatusBadge';
import { graphql } from '../gql';
import { pairName, useMyPairs } from '../hooks/useMyPairs';
import { useTitle } from '../hooks/useTitle';
import type { SignedInViewer } from '../hooks/useViewer';
import { formatDay, plural, roleDescriptions, sectorLabels } from '../labels';
import { AttentionCard } from './AttentionCard';
import { PairHome } from './pair/PairHome';
import { sectionInfo, sectionsFor } from './sections';

const OwnerSummaryQuery = graphql(`
  query OwnerSummary {
    decisionQueue(first: 3) {
      totalCount
      edges {
        cursor
        node {
          id
          title
          decisionDueOn
          isDecisionOverdue
        }
      }
    }
  }
`);

/**
 * Home: co-learners land on their pair's home (contract, prompts for the next session, sessions,
 * barriers); owners see what waits for their decision; everyone sees where to go.
 */
export function HomePage({ viewer }: { viewer: SignedInViewer }) {
  useTitle('Home');
  const firstName = viewer.person.displayName.split(/\s+/)[0];
  const isCoLearner = viewer.roles.includes('CO_LEARNER');
  const isOwner = viewer.roles.includes('OWNER');
  const isManager = viewer.roles.includes('PROGRAMME_MANAGER');
  const myPairs = useMyPairs(!isCoLearner);
  // Active pairs first, then pairs still agreeing their contract.
  const current = [...myPairs.pairs.filter((pair) => pair.status === 'ACTIVE'), ...myPairs.pairs.filter((pair) => pair.status === 'PROPOSED')];
  const home = current[0] ?? null;
  const relevant = sectionsFor(viewer.roles).filter((key) => key !== 'members' || !home);
  const others = viewer.memberships.filter((membership) => membership.organisation.id !== viewer.organisation?.id);

  return (
    <div className="page">
      <div className="page-header">
        <h1>Hello, {firstName}</h1>
        {viewer.organisation ? (
          <p className="page-header__sub">
            {viewer.organisation.name} · {sectorLabels[viewer.organisation.sector]}
          </p>
        ) : (
          <p className="page-header__sub">You are not a member of an organisation yet.</p>
        )}
      </div>

      <AttentionCard viewer={viewer} />

      {viewer.isPlatformAdmin && (
        <section className="card card--accent" aria-labelledby="admin-heading">
          <h2 id="admin-heading">Platform administration</h2>
          <p>Create an organisation and invite its first programme manager, who then invites everyone else.</p>
          <Link className="button button--primary" to="/admin/organisations">
            Manage organisations
          </Link>
        </section>
      )}

      {isOwner && <OwnerSummary />}

      {isManager && (
        <section className="card card--accent" aria-labelledby="manager-heading">
          <h2 id="manager-heading">Your programmes</h2>
          <p>Plan cohorts, match senior and junior co-learners, and start and close programmes.</p>
          <Link className="button button--primary" to="/programmes">
            Go to programmes
          </Link>
        </section>
      )}

      {isCoLearner && myPairs.error && <ProblemMessage error={myPairs.error} onRetry={() => myPairs.refetch()} />}
      {isCoLearner && myPairs.loading && <p className="loading">Loading your pair…</p>}
      {isCoLearner && !myPairs.loading && !home && !myPairs.error && (
        <section className="card" aria-labelledby="no-pair-heading">
          <h2 id="no-pair-heading">Your pair</h2>
          <p>You are not in a co-learning pair yet. Your programme manager matches pairs; once you are matched, your pair's contract, sessions and barriers appear here.</p>
        </section>
      )}
      {current.length > 1 && (
        <nav className="card" aria-label="Your pairs">
          <h2>Your pairs</h2>
          <ul className="plain-list">
            {current.map((pair) => (
              <li key={pair.id}>
                <Link to={`/pair/${encodeURIComponent(pair.id)}`}>{pairName(pair)}</Link> <span className="muted">· {pair.programme.name}</span>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {home && <PairHome pairId={home.id} viewerId={viewer.person.id} />}

      {!home && viewer.roles.length > 0 && (
        <section aria-labelledby="roles-heading" className="card">
          <h2 id="roles-heading">Your roles</h2>
          <RoleBadges roles={viewer.roles} label="Your roles here" />
          <ul className="plain-list">
            {viewer.roles.map((role) => (
              <li key={role}>{roleDescriptions[role]}</li>
            ))}
          </ul>
        </section>
      )}

      {relevant.length > 0 && (
        <section aria-labelledby="sections-heading">
          <h2 id="sections-heading">Where to go</h2>
          <ul className="tiles">
            {relevant.map((key) => {
              const info = sectionInfo[key];
              return (
                <li key={key} className="tile">
                  <h3>
                    <Link to={info.path}>{info.title}</Link>
                    {!info.ready && <span className="tag">Coming soon</span>}
                  </h3>
                  <p>{info.summary}</p>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {others.length > 0 && (
        <section aria-labelledby="orgs-heading" className="card">
          <h2 id="orgs-heading">Your other organisations</h2>
          <ul className="plain-list">
            {others.map((membership) => (
              <li key={membership.id}>
                <Link to={`/members?org=${encodeURIComponent(membership.organisation.id)}`}>{membership.organisation.name}</Link>{' '}
                <RoleBadges roles={membership.roles} label={`Your roles at ${membership.organisation.name}`} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function OwnerSummary() {
  const { data, error, refetch } = useQuery(OwnerSummaryQuery);
  const waiting = data?.decisionQueue.edges.map((edge) => edge.node) ?? [];
  const total = data?.decisionQueue.totalCount ?? 0;
  return (
    <section className="card card--accent" aria-labelledby="owner-heading">
      <h2 id="owner-heading">Waiting for your decision</h2>
      {error && <ProblemMessage error={error} onRetry={() => refetch()} />}
      {data && total === 0 && <p className="muted">Nothing is waiting for you.</p>}
      {waiting.length > 0 && (
        <>
          <p>{plural(total, 'change')} {total === 1 ? 'waits' : 'wait'} for your decision.</p>
          <ul className="plain-list">
            {waiting.map((change) => (
              <li key={change.id}>
                <Link to={`/changes/${encodeURIComponent(change.id)}`}>{change.title}</Link>
                {change.decisionDueOn && <span className="muted"> · due {formatDay(change.decisionDueOn)}</span>} {change.isDecisionOverdue && <Flag>Overdue</Flag>}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link className="button button--primary" to="/decisions">
          Open your decision queue
        </Link>
      </p>
    </section>
  );
}
