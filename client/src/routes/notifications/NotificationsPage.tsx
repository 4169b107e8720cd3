import { useMutation, useQuery } from '@apollo/client';
import { Link, useSearchParams } from 'react-router';
import { FormProblems } from '../../components/FormProblems';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ShowMore } from '../../components/ShowMore';
import { graphql } from '../../gql';
import type { NotificationKind } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';
import { useShowMore } from '../../hooks/useShowMore';
import { useTitle } from '../../hooks/useTitle';
import { formatDateTime } from '../../labels';

const NotificationsQuery = graphql(`
  query Notifications($unreadOnly: Boolean!, $after: String) {
    notifications(unreadOnly: $unreadOnly, first: 20, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          kind
          message
          actorName
          createdAt
          isRead
          change {
            id
          }
          barrier {
            id
          }
          sharedCase {
            id
          }
          pair {
            id
          }
        }
      }
    }
  }
`);

const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      marked
      unreadCount
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const kindLabels: Record<NotificationKind, string> = {
  CHANGE_SUBMITTED: 'Submitted',
  CHANGE_DECIDED: 'Decision',
  CHANGE_STARTED: 'Started',
  CHANGE_PROGRESSED: 'Progress',
  CHANGE_ADOPTED: 'Adopted',
  CHANGE_ADOPTION_REQUESTED: 'Adoption to confirm',
  CHANGE_ADOPTION_DECLINED: 'Adoption not confirmed',
  SUSTAINMENT_REVIEW_MISSED: 'Review missed',
  CHANGE_LAPSED: 'No longer in force',
  COMMENT_ADDED: 'Comment',
  CHANGE_OWNER_CHANGED: 'New owner',
  PAIR_NUDGED: 'Nudge',
  CASE_CONSENT_NEEDED: 'Consent needed',
  CASE_AWAITING_APPROVAL: 'Approval needed',
  CASE_PUBLISHED: 'Published',
  CASE_UNPUBLISHED: 'Taken down',
  CASE_SENT_BACK: 'Sent back',
  CASE_DECLINED: 'Declined',
  PAIR_MATCHED: 'New pair',
  CONTRACT_AWAITING_AGREEMENT: 'Contract to agree',
  BARRIER_RAISED_FOR_PAIR: 'Barrier raised',
  BARRIER_RAISED_FOR_SET: 'Barrier raised for your set',
  BARRIER_NAMING_ANSWERED: 'Naming answered',
  SESSION_LOGGED: 'Session logged',
  SESSION_PROPOSED: 'Times offered',
  SESSION_BOOKED: 'Session booked',
  SESSION_RESCHEDULED: 'Session moved',
  SESSION_CANCELLED: 'Session cancelled',
  GROUP_SESSION_INVITED: 'Group session',
};

/** The viewer's notifications, newest first; opening one marks it read. */
export function NotificationsPage() {
  useTitle('Notifications');
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const { data, loading, error, refetch, fetchMore } = useQuery(NotificationsQuery, { variables: { unreadOnly } });
  const { loadingMore, more } = useShowMore(data?.notifications.pageInfo.endCursor, fetchMore);
  const [markRead] = useMutation(MarkReadMutation, {
    refetchQueries: ['UnreadCount'],
    update(cache, _result, { variables }) {
      const ids = variables?.input.all ? (data?.notifications.edges.map((edge) => edge.node.id) ?? []) : ((variables?.input.ids as string[] | undefined) ?? []);
      for (const id of ids) cache.modify({ id: cache.identify({ __typename: 'Notification', id }), fields: { isRead: () => true } });
    },
  });
  const markAll = useFormAction();
  // `ids: []` goes with `all`: the server's input validation refuses a missing list.
  const notifications = data?.notifications.edges.map((edge) => edge.node) ?? [];
  const anyUnread = notifications.some((notification) => !notification.isRead);


  return (
    <div className="page">
      <div className="page-header page-header--split">
        <div>
          <h1>Notifications</h1>
          <p className="page-header__sub">What happened to the barriers and changes you follow.</p>
        </div>
        {anyUnread && (
          <button
            type="button"
            className="button button--secondary"
            disabled={markAll.busy}
            onClick={() => markAll.run(() => markRead({ variables: { input: { all: true, ids: [] } } }), (result) => result.markNotificationsRead)}
          >
            Mark all as read
          </button>
        )}
      </div>
      <FormProblems userErrors={markAll.userErrors} problem={markAll.problem} />

      <div className="segmented" role="group" aria-label="Show">
        <button type="button" aria-pressed={!unreadOnly} onClick={() => setParams({}, { replace: true })}>
          All
        </button>
        <button type="button" aria-pressed={unreadOnly} onClick={() => setParams({ unread: '1' }, { replace: true })}>
          Unread
        </button>
      </div>

      {error && <ProblemMessage error={error} onRetry={() => refetch()} />}
      {loading && !data && <p className="loading">Loading notifications…</p>}
      {data && notifications.length === 0 && (
        <div className="card empty">
          <p>{unreadOnly ? 'You have read everything.' : 'No notifications yet. You will hear here when something happens to your barriers, changes and cases.'}</p>
        </div>
      )}
      {notifications.length > 0 && (
        <ul className="notifications" aria-label="Notifications">
          {notifications.map((notification) => {
            // Where the notification leads: the case, the change, the barrier or the pair it is about.
            const target = notification.sharedCase
              ? `/library/cases/${encodeURIComponent(notification.sharedCase.id)}`
              : notification.change
                ? `/changes/${encodeURIComponent(notification.change.id)}`
                : notification.barrier
                  ? `/barriers/${encodeURIComponent(notification.barrier.id)}`
                  : notification.pair
                    ? `/pair/${encodeURIComponent(notification.pair.id)}`
                    : null;
            const open = () => {
              if (!notification.isRead) void markRead({ variables: { input: { ids: [notification.id] } } }).catch(() => undefined);
            };
            return (
              <li key={notification.id} className={notification.isRead ? 'notification' : 'notification notification--unread'}>
                <div className="notification__head">
                  <span className="notification__kind">{kindLabels[notification.kind]}</span>
                  {!notification.isRead && <span className="notification__new">New</span>}
                  <time className="notification__when" dateTime={notification.createdAt}>
                    {formatDateTime(notification.createdAt)}
                  </time>
                </div>
                <p className="notification__message">
                  {target ? (
                    <Link to={target} onClick={open}>
                      {notification.message}
                    </Link>
                  ) : (
                    notification.message
                  )}
                </p>
                {!notification.isRead && !target && (
                  <button type="button" className="button button--link" onClick={open}>
                    Mark as read
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {data && <ShowMore shown={notifications.length} total={data.notifications.totalCount} loading={loadingMore} onMore={more} noun="notifications" />}
    </div>
  );
}
