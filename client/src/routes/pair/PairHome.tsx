import { useQuery } from '@apollo/client';
import { Link } from 'react-router';
import { ProblemMessage } from '../../components/ProblemMessage';
import { PairStatusBadge } from '../../components/StatusBadge';
import { graphql } from '../../gql';
import { useTitle } from '../../hooks/useTitle';
import { formatDateTime, formatDay, plural } from '../../labels';
import { BarrierCard } from '../barriers/BarriersPage';
import { ChangeCard } from '../changes/ChangesPage';
import { NotFoundPage } from '../NotFoundPage';
import { MonthDetails } from '../programmes/ProgrammeDesign';
import { ContractCard } from './ContractCard';
import { SessionsCard } from './SessionsCard';
import { BookingsCard, formatLocal } from '../scheduling/BookingsCard';
import { GoalsCard } from '../journal/GoalsCard';

const PairHomeQuery = graphql(`
  query PairHome($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Pair {
        status
        endedReason
        viewerIsMember
        senior {
          id
          displayName
        }
        junior {
          id
          displayName
        }
        programme {
          id
          name
          startsOn
          endsOn
          design {
            seniorLabel
            juniorLabel
          }
        }
        sessionPrompts {
          curriculumMonth {
            month
            topic
            guidance
            resources {
              title
              url
              text
            }
            prompts
          }
        }
        trainingRequired
        training {
          side
          person {
            id
            displayName
          }
          missing {
            id
            title
          }
        }
        contract {
          version
          focusTopics
          cadence
          groundRules
          confidentiality
          seniorAgreedAt
          juniorAgreedAt
          isAgreed
          createdAt
        }
        contractInEffect {
          version
          focusTopics
        }
        lastSessionOn
        nextSessionAt
        goalRatings {
          stage
          goals
          rating
          sharedWithPartner
          isMine
        }
        bookings {
          id
          status
          sessionType
          proposedStarts
          localStart
          timeZone
          durationMinutes
          location
          videoLink
          sequence
          calendarUrl
          viewerCanAccept
          proposedBy {
            id
            displayName
          }
        }
        sessions(first: 20) {
          totalCount
          nodes {
            id
            heldOn
            topics
            privateNotes
            sharedTakeaways
            sessionType
            loggedBy {
              id
              displayName
            }
          }
        }
        viewerCanProposeContract
        viewerCanAgreeContract
        viewerCanLogSession
      }
    }
    openChanges: changes(filter: { pairId: $id, status: [DRAFT, SUBMITTED, APPROVED, IN_PROGRESS, ADOPTION_REQUESTED] }, orderBy: RECENTLY_UPDATED, first: 20) {
      totalCount
      edges {
        cursor
        node {
          ...ChangeSummary
        }
      }
    }
    pairBarriers: barriers(filter: { pairId: $id }, first: 20) {
      totalCount
      edges {
        cursor
        node {
          ...BarrierSummary
        }
      }
    }
  }
`);

/**
 * A pair's home: the contract, prompts for the next session (focus topics, open changes), sessions and
 * the barriers the pair raised. `viewerId` tells which co-learner is looking, to name the other one.
 */
export function PairHome({ pairId, viewerId, heading }: { pairId: string; viewerId: string; heading?: 'greeting' | 'names' }) {
  const { data, loading, error, refetch } = useQuery(PairHomeQuery, { variables: { id: pairId } });
  const pair = data?.node?.__typename === 'Pair' ? data.node : null;
  useTitle(heading === 'names' && pair ? `${pair.senior.displayName} and ${pair.junior.displayName}` : heading === 'names' ? 'Pair' : 'Home');

  if (loading && !data) return <p className="loading">Loading your pair…</p>;
  if (!pair) return error ? <ProblemMessage error={error} onRetry={() => refetch()} /> : <NotFoundPage />;

  const partner = pair.senior.id === viewerId ? pair.junior : pair.junior.id === viewerId ? pair.senior : null;
  const openChanges = data?.openChanges.edges.map((edge) => edge.node) ?? [];
  const barriers = data?.pairBarriers.edges.map((edge) => edge.node) ?? [];
  const topics = pair.contractInEffect?.focusTopics ?? pair.contract?.focusTopics ?? [];
  const active = pair.status === 'ACTIVE';
  const { seniorLabel, juniorLabel } = pair.programme.design;
  const thisMonth = pair.sessionPrompts?.curriculumMonth ?? null;
  const untrained = pair.status === 'PROPOSED' && pair.trainingRequired ? (pair.training ?? []).filter((t) => t.missing.length > 0) : [];
  // The pair reads the booked wall time in the organisation's zone; managers see the moment only.
  const booked = pair.bookings.find((b) => b.status === 'ACCEPTED');

  return (
    <>
      {heading === 'names' && (
        <div className="page-header">
          <div className="title-row">
            <h1>
              {pair.senior.displayName} and {pair.junior.displayName}
            </h1>
            <PairStatusBadge status={pair.status} />
          </div>
          <p className="page-header__sub">
            {pair.programme.name} · {formatDay(pair.programme.startsOn)} to {formatDay(pair.programme.endsOn)}
          </p>
        </div>
      )}
      {error && <ProblemMessage error={error} onRetry={() => refetch()} />}

      <section className="card pair-summary" aria-label="Your pair">
        <div className="pair-summary__who">
          <p className="eyebrow">{partner ? 'Your co-learner' : 'Co-learners'}</p>
          <p className="pair-summary__name">
            {partner ? partner.displayName : `${pair.senior.displayName} (${seniorLabel.toLowerCase()}) and ${pair.junior.displayName} (${juniorLabel.toLowerCase()})`}
            {partner && <span className="muted"> · {(partner.id === pair.senior.id ? seniorLabel : juniorLabel).toLowerCase()}</span>}
          </p>
        </div>
        <dl className="facts facts--inline">
          <div>
            <dt>Programme</dt>
            <dd>
              <Link to={`/programmes/${encodeURIComponent(pair.programme.id)}`}>{pair.programme.name}</Link>
            </dd>
          </div>
          <div>
            <dt>Pair</dt>
            <dd>
              <PairStatusBadge status={pair.status} />
            </dd>
          </div>
          <div>
            <dt>Last session</dt>
            <dd>{pair.lastSessionOn ? formatDay(pair.lastSessionOn) : 'None yet'}</dd>
          </div>
          <div>
            <dt>Sessions</dt>
            <dd>{pair.sessions.totalCount}</dd>
          </div>
          <div>
            <dt>Next session</dt>
            <dd>{booked?.localStart ? `${formatLocal(booked.localStart)} (${booked.timeZone})` : pair.nextSessionAt ? formatDateTime(pair.nextSessionAt) : 'None booked'}</dd>
          </div>
        </dl>
        {pair.endedReason && <p className="muted">Ended early: {pair.endedReason}</p>}
      </section>

      {untrained.length > 0 && (
        <div className="notice notice--info" role="status" aria-label="Training before you start">
          <p>
            <strong>Your programme starts a pair once both have completed their training.</strong> Your contract takes effect when this is done:
          </p>
          <ul className="plain-list plain-list--tight">
            {untrained.map((t) => (
              <li key={t.person?.id}>
                {t.person?.id === viewerId ? 'You' : t.person?.displayName}: {t.missing.map((m) => m.title).join(', ')}
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/programmes/${encodeURIComponent(pair.programme.id)}`}>Record training on the programme page</Link>
          </p>
        </div>
      )}

      <div className="layout-split">
        <div className="layout-split__main">
          {pair.viewerIsMember && active && (
            <section className="card card--accent" aria-labelledby="prompts-heading">
              <h2 id="prompts-heading">For your next session</h2>
              {topics.length > 0 ? (
                <>
                  <p className="muted">The focus topics you agreed:</p>
                  <ul className="chips chips--large" aria-label="Focus topics">
                    {topics.map((topic) => (
                      <li key={topic} className="chip">
                        {topic}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="muted">Agree a contract with focus topics to see them here.</p>
              )}
              {thisMonth && (
                <div className="subform" aria-label="This month's curriculum">
                  <h3>
                    This month in the programme: {thisMonth.topic}
                  </h3>
                  {thisMonth.guidance && <p className="prose">{thisMonth.guidance}</p>}
                  <MonthDetails month={thisMonth} />
                </div>
              )}
              <h3>
                Open changes <span className="count">{data?.openChanges.totalCount ?? 0}</span>
              </h3>
              {openChanges.length === 0 ? (
                <p className="muted">No open changes. Is there a barrier you could propose a change for?</p>
              ) : (
                <ul className="item-list item-list--flat">
                  {openChanges.map((change) => (
                    <li key={change.id}>
                      <ChangeCard change={change} />
                    </li>
                  ))}
                </ul>
              )}
              <p>
                <Link to="/changes?mine=1">All your changes</Link>
              </p>
            </section>
          )}

          {pair.viewerIsMember && <BookingsCard pairId={pair.id} bookings={pair.bookings} canPropose={pair.viewerCanLogSession} />}

          <SessionsCard
            pairId={pair.id}
            sessions={pair.sessions.nodes}
            total={pair.sessions.totalCount}
            canLog={pair.viewerCanLogSession}
            suggestedTopics={topics}
            bookings={pair.bookings.filter((b) => b.status === 'ACCEPTED')}
          />

          <section className="card" aria-labelledby="pair-barriers-heading">
            <div className="card-header">
              <h2 id="pair-barriers-heading">
                Barriers raised <span className="count">{data?.pairBarriers.totalCount ?? 0}</span>
              </h2>
              {pair.viewerIsMember && active && (
                <Link className="button button--primary button--small" to="/barriers/new">
                  Raise a barrier
                </Link>
              )}
            </div>
            {barriers.length === 0 ? (
              <p className="muted">{pair.viewerIsMember ? 'Your pair has not raised a barrier yet.' : 'This pair has not raised a barrier yet.'}</p>
            ) : (
              <ul className="item-list item-list--flat">
                {barriers.map((barrier) => (
                  <li key={barrier.id}>
                    <BarrierCard barrier={barrier} />
                  </li>
                ))}
              </ul>
            )}
            {(data?.pairBarriers.totalCount ?? 0) > barriers.length && <p className="muted">Showing the newest {plural(barriers.length, 'barrier')}.</p>}
          </section>
        </div>
        <div className="layout-split__side">
          <ContractCard pair={pair} viewerId={viewerId} />
          {pair.viewerIsMember && partner && <GoalsCard programmeId={pair.programme.id} ratings={pair.goalRatings} partnerName={partner.displayName} />}
        </div>
      </div>
    </>
  );
}
