import { useMutation } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { FormProblems } from '../../components/FormProblems';
import { fieldError, SelectField, TextField } from '../../components/forms';
import { graphql } from '../../gql';
import type { SessionType } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';

const ProposeSessionMutation = graphql(`
  mutation ProposeSession($input: ProposeSessionInput!) {
    proposeSession(input: $input) {
      booking {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const AcceptSessionMutation = graphql(`
  mutation AcceptSession($input: AcceptSessionInput!) {
    acceptSession(input: $input) {
      booking {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const RescheduleSessionMutation = graphql(`
  mutation RescheduleSession($input: RescheduleSessionInput!) {
    rescheduleSession(input: $input) {
      booking {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const CancelSessionMutation = graphql(`
  mutation CancelSession($input: CancelSessionInput!) {
    cancelSession(input: $input) {
      booking {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export interface Booking {
  id: string;
  status: string;
  sessionType: SessionType;
  proposedStarts: string[];
  localStart?: string | null;
  timeZone: string;
  durationMinutes: number;
  location?: string | null;
  videoLink?: string | null;
  sequence: number;
  calendarUrl: string;
  viewerCanAccept: boolean;
  proposedBy: { id: string; displayName: string };
}

export const sessionTypeLabels: Record<SessionType, string> = {
  CONVERSATION: 'Conversation',
  SHADOWING: 'Shadowing or visit',
  GROUP: 'Group session',
};

/** "Tue 12 May 2027, 14:30", from a local wall time (already in the organisation's zone). */
export function formatLocal(local: string): string {
  const day = new Date(`${local.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `${day}, ${local.slice(11, 16)}`;
}

const refetch = { refetchQueries: ['PairHome'], awaitRefetchQueries: true };

/** The pair's next sessions: times offered, the one agreed with its calendar invitation, and the form to offer more. */
export function BookingsCard({ pairId, bookings, canPropose }: { pairId: string; bookings: readonly Booking[]; canPropose: boolean }) {
  const [proposing, setProposing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const next = bookings.find((b) => b.status === 'ACCEPTED');
  return (
    <section className="card" aria-labelledby="bookings-heading">
      <div className="card-header">
        <h2 id="bookings-heading">Next sessions</h2>
        {canPropose && !proposing && (
          <button type="button" className="button button--primary button--small" onClick={() => { setProposing(true); setDone(null); }}>
            Propose times
          </button>
        )}
      </div>
      {done && (
        <div className="notice notice--success" role="status">
          <p>{done}</p>
        </div>
      )}
      {proposing && (
        <ProposeForm
          pairId={pairId}
          onCancel={() => setProposing(false)}
          onDone={() => {
            setProposing(false);
            setDone('Times offered: your co-learner is asked to choose one.');
          }}
        />
      )}
      {next ? (
        <p>
          Your next session: <strong>{formatLocal(next.localStart!)}</strong> <span className="muted">({next.timeZone})</span>
        </p>
      ) : (
        <p className="muted">No session booked yet.</p>
      )}
      {bookings.length > 0 && (
        <ul className="item-list item-list--flat" aria-label="Sessions offered and booked">
          {bookings.map((booking) => (
            <li key={booking.id}>
              <BookingItem booking={booking} onDone={setDone} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function BookingItem({ booking, onDone }: { booking: Booking; onDone(message: string): void }) {
  const [accept] = useMutation(AcceptSessionMutation, refetch);
  const [cancel] = useMutation(CancelSessionMutation, refetch);
  const [moving, setMoving] = useState(false);
  const action = useFormAction();
  const where = booking.videoLink ?? booking.location;
  const label = booking.localStart ? formatLocal(booking.localStart) : 'Times offered';
  return (
    <article className="booking" aria-label={`${sessionTypeLabels[booking.sessionType]}: ${label}`}>
      <p>
        <strong>{sessionTypeLabels[booking.sessionType]}</strong> · {booking.durationMinutes} minutes{where ? ` · ${where}` : ''}
      </p>
      {booking.status === 'PROPOSED' ? (
        <>
          <p className="muted">Offered by {booking.proposedBy.displayName}:</p>
          <ul className="chips" aria-label="Times offered">
            {booking.proposedStarts.map((start) => (
              <li key={start}>
                {booking.viewerCanAccept ? (
                  <button
                    type="button"
                    className="chip chip--button"
                    disabled={action.busy}
                    onClick={async () => {
                      if (await action.run(() => accept({ variables: { input: { bookingId: booking.id, start } } }), (d) => d.acceptSession)) onDone('Session booked: the calendar invitation is in your email, and here.');
                    }}
                  >
                    Accept {formatLocal(start)}
                  </button>
                ) : (
                  <span className="chip">{formatLocal(start)}</span>
                )}
              </li>
            ))}
          </ul>
          {!booking.viewerCanAccept && <p className="muted">Waiting for your co-learner to choose a time.</p>}
        </>
      ) : (
        <p>
          Booked for <strong>{label}</strong> <span className="muted">({booking.timeZone})</span>{' '}
          <a href={booking.calendarUrl} download>
            Download the invitation (.ics)
          </a>
        </p>
      )}
      <div className="actions">
        {booking.status === 'ACCEPTED' && !moving && (
          <button type="button" className="button button--small" onClick={() => setMoving(true)}>
            Reschedule
          </button>
        )}
        <button
          type="button"
          className="button button--link"
          disabled={action.busy}
          onClick={async () => {
            if (await action.run(() => cancel({ variables: { input: { bookingId: booking.id } } }), (d) => d.cancelSession)) onDone('Session cancelled; calendars are told.');
          }}
        >
          {booking.status === 'PROPOSED' ? 'Withdraw' : 'Cancel session'}
        </button>
      </div>
      {moving && <RescheduleForm booking={booking} onCancel={() => setMoving(false)} onDone={() => { setMoving(false); onDone('Session moved: the calendar invitation is updated.'); }} />}
      <FormProblems userErrors={action.userErrors} problem={action.problem} />
    </article>
  );
}

function ProposeForm({ pairId, onDone, onCancel }: { pairId: string; onDone(): void; onCancel(): void }) {
  const [starts, setStarts] = useState(['', '', '']);
  const [duration, setDuration] = useState('60');
  const [sessionType, setSessionType] = useState<SessionType>('CONVERSATION');
  const [location, setLocation] = useState('');
  const [videoLink, setVideoLink] = useState('');
  const [propose] = useMutation(ProposeSessionMutation, refetch);
  const action = useFormAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const chosen = starts.filter(Boolean);
    if (chosen.length === 0) {
      action.fail([{ field: ['input', 'starts'], message: 'Offer at least one time.' }]);
      return;
    }
    const payload = await action.run(
      () => propose({ variables: { input: { pairId, starts: chosen, durationMinutes: Number(duration), sessionType, location: location.trim() || null, videoLink: videoLink.trim() || null } } }),
      (data) => data.proposeSession,
    );
    if (payload) onDone();
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="panel-form" aria-label="Propose times">
      <div className="form-grid">
        {starts.map((value, index) => (
          <TextField
            key={index}
            label={`Time ${index + 1}`}
            type="datetime-local"
            required={index === 0}
            hint={index === 0 ? 'In your organisation’s time zone.' : undefined}
            value={value}
            onChange={(event) => setStarts(starts.map((s, i) => (i === index ? event.target.value : s)))}
            error={index === 0 ? fieldError(action.userErrors, 'starts') : undefined}
          />
        ))}
        <TextField label="Length in minutes" type="number" min={15} max={480} required value={duration} onChange={(event) => setDuration(event.target.value)} error={fieldError(action.userErrors, 'durationMinutes')} />
        <SelectField label="Kind of session" value={sessionType} onChange={(event) => setSessionType(event.target.value as SessionType)}>
          <option value="CONVERSATION">{sessionTypeLabels.CONVERSATION}</option>
          <option value="SHADOWING">{sessionTypeLabels.SHADOWING}</option>
        </SelectField>
        <TextField label="Place" value={location} onChange={(event) => setLocation(event.target.value)} error={fieldError(action.userErrors, 'location')} />
        <TextField label="Video link" type="url" hint="The full https:// link of the call." value={videoLink} onChange={(event) => setVideoLink(event.target.value)} error={fieldError(action.userErrors, 'videoLink')} />
      </div>
      <p className="muted">The calendar invitation says only “Co-learning session”, the time and the place or link.</p>
      <FormProblems userErrors={action.userErrors} problem={action.problem} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {action.busy ? 'Sending…' : 'Offer these times'}
        </button>
        <button type="button" className="button button--link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function RescheduleForm({ booking, onDone, onCancel }: { booking: Booking; onDone(): void; onCancel(): void }) {
  const [start, setStart] = useState(booking.localStart ?? '');
  const [reschedule] = useMutation(RescheduleSessionMutation, refetch);
  const action = useFormAction();
  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (await action.run(() => reschedule({ variables: { input: { bookingId: booking.id, start } } }), (d) => d.rescheduleSession)) onDone();
  }
  return (
    <form onSubmit={handleSubmit} noValidate className="panel-form" aria-label="Reschedule">
      <TextField label="New time" type="datetime-local" required value={start} onChange={(event) => setStart(event.target.value)} error={fieldError(action.userErrors, 'start')} />
      <FormProblems userErrors={action.userErrors} problem={action.problem} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          Move the session
        </button>
        <button type="button" className="button button--link" onClick={onCancel}>
          Keep it
        </button>
      </div>
    </form>
  );
}
