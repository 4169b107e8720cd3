import { useMutation, useQuery } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { FormProblems } from '../../components/FormProblems';
import { ProblemMessage } from '../../components/ProblemMessage';
import { fieldError, TextAreaField } from '../../components/forms';
import { graphql } from '../../gql';
import { useFormAction } from '../../hooks/useFormAction';
import { useTitle } from '../../hooks/useTitle';
import { formatDateTime } from '../../labels';

const MyJournalQuery = graphql(`
  query MyJournal {
    myJournal(first: 100) {
      totalCount
      nodes {
        id
        body
        createdAt
      }
    }
  }
`);

const WriteJournalEntryMutation = graphql(`
  mutation WriteJournalEntry($input: WriteJournalEntryInput!) {
    writeJournalEntry(input: $input) {
      entry {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const DeleteJournalEntryMutation = graphql(`
  mutation DeleteJournalEntry($input: DeleteJournalEntryInput!) {
    deleteJournalEntry(input: $input) {
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** /journal: the viewer's private reflective journal. Nobody else can read it, not even an admin. */
export function JournalPage() {
  useTitle('Your journal');
  const { data, loading, error, refetch } = useQuery(MyJournalQuery);
  const [body, setBody] = useState('');
  const [write] = useMutation(WriteJournalEntryMutation, { refetchQueries: ['MyJournal'], awaitRefetchQueries: true });
  const [remove] = useMutation(DeleteJournalEntryMutation, { refetchQueries: ['MyJournal'], awaitRefetchQueries: true });
  const action = useFormAction();
  const removal = useFormAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) {
      action.fail([{ field: ['input', 'body'], message: 'Write something to keep.' }]);
      return;
    }
    if (await action.run(() => write({ variables: { input: { body } } }), (d) => d.writeJournalEntry)) setBody('');
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1>Your journal</h1>
        <p className="page-header__sub">Reflect between sessions. Only you can read this: not your co-learner, not your programme manager, not an admin. It is stored encrypted and comes with your data download.</p>
      </div>
      <section className="card" aria-labelledby="write-heading">
        <h2 id="write-heading">New entry</h2>
        <form onSubmit={handleSubmit} noValidate className="panel-form" aria-label="New journal entry">
          <TextAreaField label="Reflection" required rows={5} value={body} onChange={(event) => setBody(event.target.value)} error={fieldError(action.userErrors, 'body')} />
          <FormProblems userErrors={action.userErrors} problem={action.problem} />
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={action.busy}>
              {action.busy ? 'Saving…' : 'Keep this entry'}
            </button>
          </div>
        </form>
      </section>
      <section className="card" aria-labelledby="entries-heading">
        <h2 id="entries-heading">
          Entries <span className="count">{data?.myJournal.totalCount ?? 0}</span>
        </h2>
        {error && <ProblemMessage error={error} onRetry={() => refetch()} />}
        {loading && !data ? (
          <p className="loading">Loading your journal…</p>
        ) : data?.myJournal.nodes.length ? (
          <ol className="sessions">
            {data.myJournal.nodes.map((entry) => (
              <li key={entry.id} className="session">
                <p className="session__when">
                  <strong>{formatDateTime(entry.createdAt)}</strong>
                </p>
                <p className="prose">{entry.body}</p>
                <button type="button" className="button button--link" disabled={removal.busy} onClick={() => removal.run(() => remove({ variables: { input: { entryId: entry.id } } }), (d) => d.deleteJournalEntry)}>
                  Delete this entry
                </button>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">No entries yet.</p>
        )}
        <FormProblems userErrors={removal.userErrors} problem={removal.problem} />
      </section>
    </div>
  );
}
