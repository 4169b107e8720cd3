import { useMutation, useQuery } from '@apollo/client';
import { useState } from 'react';
import { SelectField } from '../../components/forms';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ShowMore } from '../../components/ShowMore';
import { graphql } from '../../gql';
import type { MailStatus } from '../../gql/graphql';
import { useShowMore } from '../../hooks/useShowMore';
import { useTitle } from '../../hooks/useTitle';
import { formatDate } from '../../labels';

const MailMessagesQuery = graphql(`
  query MailMessages($status: MailStatus, $after: String) {
    mailMessages(first: 50, status: $status, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          kind
          to
          subject
          text
          status
          attempts
          lastError
          createdAt
          sentAt
        }
      }
    }
  }
`);

const RetryMailMessageMutation = graphql(`
  mutation RetryMailMessage($input: RetryMailMessageInput!) {
    retryMailMessage(input: $input) {
      message {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const statusLabels: Record<MailStatus, string> = {
  PENDING: 'Waiting',
  QUEUED: 'Queued',
  SENT: 'Sent',
  KEPT: 'In the outbox',
  RETRYING: 'Retrying',
  FAILED: 'Failed',
  SUPPRESSED: 'Not sent',
};

/** For platform admins: every email, as sent over SMTP or kept here when there is no SMTP server. */
export function OutboxPage() {
  useTitle('Outbox');
  const [status, setStatus] = useState<MailStatus | ''>('');
  const { data, loading, error, refetch, fetchMore } = useQuery(MailMessagesQuery, { variables: { status: status || null } });
  const { loadingMore, more } = useShowMore(data?.mailMessages.pageInfo.endCursor, fetchMore);
  const [retry] = useMutation(RetryMailMessageMutation, { refetchQueries: ['MailMessages'] });
  const messages = data?.mailMessages.edges.map((edge) => edge.node) ?? [];

  return (
    <div className="page">
      <div className="page-header">
        <h1>Outbox</h1>
        <p className="page-header__sub">Every email Common Ground wrote. Without SMTP_URL they stay here; with it, this is the delivery log.</p>
      </div>
      <section className="card" aria-labelledby="outbox-heading">
        <h2 id="outbox-heading">
          Emails {data && <span className="count">{data.mailMessages.totalCount}</span>}
        </h2>
        <SelectField label="Show" value={status} onChange={(event) => setStatus(event.target.value as MailStatus | '')}>
          <option value="">All emails</option>
          {(Object.keys(statusLabels) as MailStatus[]).map((key) => (
            <option key={key} value={key}>
              {statusLabels[key]}
            </option>
          ))}
        </SelectField>
        {loading && !data && <p className="loading">Loading the outbox…</p>}
        {error && <ProblemMessage error={error} onRetry={() => refetch()} />}
        {data && messages.length === 0 && <p>No emails here.</p>}
        <ul className="outbox" aria-label="Emails">
          {messages.map((message) => (
            <li key={message.id} className="card outbox__message">
              <details>
                <summary>
                  <strong>{message.subject}</strong> to {message.to} · {statusLabels[message.status]} · {formatDate(message.createdAt)}
                </summary>
                {message.lastError && <p className="notice notice--error">{message.lastError} (attempts: {message.attempts})</p>}
                {message.text ? <pre className="outbox__text">{message.text}</pre> : <p className="muted">Not rendered yet: a delivery job has not taken it.</p>}
              </details>
              {message.status === 'FAILED' && (
                <button type="button" className="button button--secondary" onClick={() => void retry({ variables: { input: { id: message.id } } })}>
                  Send again
                </button>
              )}
            </li>
          ))}
        </ul>
        {data && <ShowMore shown={messages.length} total={data.mailMessages.totalCount} loading={loadingMore} onMore={more} noun="emails" />}
      </section>
    </div>
  );
}
