import { useMutation } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { FormProblems } from '../../components/FormProblems';
import { fieldError, SelectField, TextAreaField, TextField } from '../../components/forms';
import { graphql } from '../../gql';
import { useFormAction } from '../../hooks/useFormAction';
import { formatDay, today } from '../../labels';
import type { SessionType } from '../../gql/graphql';
import { formatLocal, sessionTypeLabels } from '../scheduling/BookingsCard';

const LogSessionMutation = graphql(`
  mutation LogSession($input: LogSessionInput!) {
    logSession(input: $input) {
      session {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

interface Session {
  id: string;
  heldOn: string;
  topics: string[];
  privateNotes?: string | null;
  sharedTakeaways?: string | null;
  sessionType: SessionType;
  loggedBy: { displayName: string };
}

interface BookedSession {
  id: string;
  localStart?: string | null;
  sessionType: SessionType;
}

/** Logged sessions, newest first; private notes appear only for the two co-learners (the server sends null to anyone else). */
export function SessionsCard({ pairId, sessions, total, canLog, suggestedTopics, bookings = [] }: { pairId: string; sessions: readonly Session[]; total: number; canLog: boolean; suggestedTopics: readonly string[]; bookings?: readonly BookedSession[] }) {
  const [logging, setLogging] = useState(false);
  const [done, setDone] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? sessions : sessions.slice(0, 3);
  return (
    <section className="card" aria-labelledby="sessions-heading">
      <div className="card-header">
        <h2 id="sessions-heading">
          Sessions <span className="count">{total}</span>
        </h2>
        {canLog && !logging && (
          <button type="button" className="button button--primary button--small" onClick={() => { setLogging(true); setDone(false); }}>
            Log a session
          </button>
        )}
      </div>
      {done && (
        <div className="notice notice--success" role="status">
          <p>Session logged.</p>
        </div>
      )}
      {logging && (
        <LogSessionForm
          pairId={pairId}
          suggestedTopics={suggestedTopics}
          bookings={bookings}
          onCancel={() => setLogging(false)}
          onDone={() => {
            setLogging(false);
            setDone(true);
          }}
        />
      )}
      {sessions.length === 0 ? (
        <p className="muted">No sessions logged yet.</p>
      ) : (
        <ol className="sessions">
          {shown.map((session) => (
            <li key={session.id} className="session">
              <p className="session__when">
                <strong>{formatDay(session.heldOn)}</strong> <span className="muted">· {sessionTypeLabels[session.sessionType]} · logged by {session.loggedBy.displayName}</span>
              </p>
              {session.topics.length > 0 && (
                <ul className="chips" aria-label="Topics">
                  {session.topics.map((topic) => (
                    <li key={topic} className="chip">
                      {topic}
                    </li>
                  ))}
                </ul>
              )}
              {session.sharedTakeaways && (
                <p>
                  <span className="session__label">Shared takeaways:</span> {session.sharedTakeaways}
                </p>
              )}
              {session.privateNotes && (
                <div className="private-note">
                  <p className="session__label">
                    Private notes, just for you two
                  </p>
                  <p className="prose">{session.privateNotes}</p>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {sessions.length > shown.length && (
        <button type="button" className="button button--link" onClick={() => setShowAll(true)}>
          Show {sessions.length - shown.length} earlier {sessions.length - shown.length === 1 ? 'session' : 'sessions'}
        </button>
      )}
      {showAll && total > sessions.length && <p className="muted">Showing the latest {sessions.length} of {total} sessions.</p>}
    </section>
  );
}

function LogSessionForm({ pairId, suggestedTopics, bookings, onDone, onCancel }: { pairId: string; suggestedTopics: readonly string[]; bookings: readonly BookedSession[]; onDone(): void; onCancel(): void }) {
  const [bookingId, setBookingId] = useState(bookings[0]?.id ?? '');
  const [sessionType, setSessionType] = useState<SessionType>(bookings[0]?.sessionType ?? 'CONVERSATION');
  const [heldOn, setHeldOn] = useState(today());
  const [topics, setTopics] = useState('');
  const [privateNotes, setPrivateNotes] = useState('');
  const [sharedTakeaways, setSharedTakeaways] = useState('');
  const [log] = useMutation(LogSessionMutation, { refetchQueries: ['PairHome'], awaitRefetchQueries: true });
  const action = useFormAction();

  function addTopic(topic: string) {
    const list = topics.split(',').map((t) => t.trim()).filter(Boolean);
    if (!list.includes(topic)) setTopics([...list, topic].join(', '));
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const list = topics.split(',').map((topic) => topic.trim()).filter(Boolean);
    const problems = [];
    if (!heldOn) problems.push({ field: ['input', 'heldOn'], message: 'When did you meet?' });
    if (list.length === 0) problems.push({ field: ['input', 'topics'], message: 'Name at least one topic you talked about.' });
    if (problems.length > 0) {
      action.fail(problems);
      return;
    }
    const payload = await action.run(
      () => log({ variables: { input: { pairId, heldOn, topics: list, privateNotes: privateNotes.trim() || null, sharedTakeaways: sharedTakeaways.trim() || null, sessionType, bookingId: bookingId || null } } }),
      (data) => data.logSession,
    );
    if (payload) onDone();
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="panel-form" aria-label="Log a session">
      <div className="form-grid">
        <TextField label="Date" type="date" required max={today()} value={heldOn} onChange={(event) => setHeldOn(event.target.value)} error={fieldError(action.userErrors, 'heldOn')} />
        {bookings.length > 0 && (
          <SelectField label="Booked session" value={bookingId} onChange={(event) => setBookingId(event.target.value)} error={fieldError(action.userErrors, 'bookingId')}>
            {bookings.map((b) => (
              <option key={b.id} value={b.id}>
                {b.localStart ? formatLocal(b.localStart) : 'Booked session'}
              </option>
            ))}
            <option value="">Not a booked session</option>
          </SelectField>
        )}
        <SelectField label="Kind of session" value={sessionType} onChange={(event) => setSessionType(event.target.value as SessionType)}>
          {(Object.keys(sessionTypeLabels) as SessionType[]).map((type) => (
            <option key={type} value={type}>
              {sessionTypeLabels[type]}
            </option>
          ))}
        </SelectField>
        <TextField label="Topics" required hint="Separated by commas." value={topics} onChange={(event) => setTopics(event.target.value)} error={fieldError(action.userErrors, 'topics')} />
        {suggestedTopics.length > 0 && (
          <div className="field--wide suggestions">
            <span className="muted">Add a focus topic:</span>{' '}
            {suggestedTopics.map((topic) => (
              <button key={topic} type="button" className="chip chip--button" onClick={() => addTopic(topic)}>
                + {topic}
              </button>
            ))}
          </div>
        )}
        <TextAreaField className="field--wide" label="Private notes" rows={3} hint="Only the two of you can read these: not your programme manager, not owners, not admins. They are stored encrypted." value={privateNotes} onChange={(event) => setPrivateNotes(event.target.value)} />
        <TextAreaField className="field--wide" label="Shared takeaways" rows={3} hint="What you are happy for your programme manager to see." value={sharedTakeaways} onChange={(event) => setSharedTakeaways(event.target.value)} />
      </div>
      <FormProblems userErrors={action.userErrors} problem={action.problem} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {action.busy ? 'Saving…' : 'Log session'}
        </button>
        <button type="button" className="button button--link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
