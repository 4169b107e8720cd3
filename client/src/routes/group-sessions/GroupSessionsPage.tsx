import { useMutation, useQuery } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormProblems } from '../../components/FormProblems';
import { ProblemMessage } from '../../components/ProblemMessage';
import { fieldError, SelectField, TextAreaField, TextField } from '../../components/forms';
import { graphql } from '../../gql';
import type { GroupSessionKind } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';
import type { SignedInViewer } from '../../hooks/useViewer';
import { useTitle } from '../../hooks/useTitle';
import { formatLocal } from '../scheduling/BookingsCard';

const GroupSessionsQuery = graphql(`
  query GroupSessions {
    groupSessions(first: 50) {
      totalCount
      nodes {
        id
        title
        kind
        status
        localStart
        timeZone
        durationMinutes
        location
        videoLink
        calendarUrl
        inviteeCount
        viewerCanRun
        facilitator {
          id
          displayName
        }
        invitees {
          attended
          person {
            id
            displayName
          }
        }
        learning {
          body
          recordedOn
        }
        barrierRaisingPair {
          id
        }
        barriersRaised {
          id
          title
          status
        }
      }
    }
    managed: programmes(status: [PLANNED, ACTIVE], first: 50) {
      nodes {
        id
        name
      }
    }
    viewer {
      organisation {
        id
        members(first: 100) {
          nodes {
            id
            person {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);

const ScheduleGroupSessionMutation = graphql(`
  mutation ScheduleGroupSession($input: ScheduleGroupSessionInput!) {
    scheduleGroupSession(input: $input) {
      groupSession {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const RecordGroupAttendanceMutation = graphql(`
  mutation RecordGroupAttendance($input: RecordGroupAttendanceInput!) {
    recordGroupAttendance(input: $input) {
      groupSession {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const AddGroupLearningMutation = graphql(`
  mutation AddGroupLearning($input: AddGroupLearningInput!) {
    addGroupLearning(input: $input) {
      groupSession {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const kindLabels: Record<GroupSessionKind, string> = {
  GROUP_COACHING: 'Group coaching',
  ACTION_LEARNING_SET: 'Action-learning set',
  CLOSING_SESSION: 'Joint closing session',
};

const refetch = { refetchQueries: ['GroupSessions'], awaitRefetchQueries: true };

/** /group-sessions: sessions for several pairs; managers schedule them, whoever runs one records attendance and learning. */
export function GroupSessionsPage({ viewer }: { viewer: SignedInViewer }) {
  useTitle('Group sessions');
  const { data, loading, error, refetch: reload } = useQuery(GroupSessionsQuery);
  const isManager = viewer.roles.includes('PROGRAMME_MANAGER');
  return (
    <div className="page">
      <div className="page-header">
        <h1>Group sessions</h1>
        <p className="page-header__sub">Group coaching, action-learning sets and the joint closing session. What the group learned is written down without saying who said it.</p>
      </div>
      {error && <ProblemMessage error={error} onRetry={() => reload()} />}
      {isManager && data && <ScheduleForm programmes={data.managed.nodes} people={data.viewer?.organisation?.members.nodes.map((m) => m.person) ?? []} />}
      {loading && !data ? (
        <p className="loading">Loading group sessions…</p>
      ) : data?.groupSessions.nodes.length ? (
        data.groupSessions.nodes.map((session) => (
          <section key={session.id} className="card" aria-label={session.title}>
            <h2>{session.title}</h2>
            <p>
              {kindLabels[session.kind]} · <strong>{formatLocal(session.localStart)}</strong> <span className="muted">({session.timeZone})</span> · {session.durationMinutes} minutes
              {session.location ? ` · ${session.location}` : ''} · {session.inviteeCount} invited · {session.status.toLowerCase()}
            </p>
            {session.facilitator && <p className="muted">Facilitated by {session.facilitator.displayName}</p>}
            <p>
              <a href={session.calendarUrl} download>
                Download the invitation (.ics)
              </a>
            </p>
            {session.viewerCanRun && session.status !== 'CANCELLED' && <AttendanceForm sessionId={session.id} invitees={session.invitees} />}
            <h3>Shared learning</h3>
            {session.learning.length ? (
              <ul>
                {session.learning.map((item, index) => (
                  <li key={index}>{item.body}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">Nothing written down yet.</p>
            )}
            {session.viewerCanRun && session.status !== 'CANCELLED' && <LearningForm sessionId={session.id} />}
            <h3>Barriers raised for the set</h3>
            {session.barriersRaised.length ? (
              <ul>
                {session.barriersRaised.map((barrier) => (
                  <li key={barrier.id}>
                    <Link to={`/barriers/${encodeURIComponent(barrier.id)}`}>{barrier.title}</Link> <span className="muted">({barrier.status.toLowerCase()})</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">None yet.</p>
            )}
            {session.barrierRaisingPair && (
              <p>
                <Link className="button button--secondary" to={`/barriers/new?${new URLSearchParams({ groupSession: session.id, pair: session.barrierRaisingPair.id, set: session.title }).toString()}`}>
                  Raise a barrier for the set
                </Link>
              </p>
            )}
          </section>
        ))
      ) : (
        <p className="muted">No group sessions yet.</p>
      )}
    </div>
  );
}

function ScheduleForm({ programmes, people }: { programmes: readonly { id: string; name: string }[]; people: readonly { id: string; displayName: string }[] }) {
  const [facilitatorId, setFacilitatorId] = useState('');
  const [programmeId, setProgrammeId] = useState(programmes[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<GroupSessionKind>('ACTION_LEARNING_SET');
  const [start, setStart] = useState('');
  const [duration, setDuration] = useState('90');
  const [location, setLocation] = useState('');
  const [done, setDone] = useState(false);
  const [schedule] = useMutation(ScheduleGroupSessionMutation, refetch);
  const action = useFormAction();
  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const payload = await action.run(
      () => schedule({ variables: { input: { programmeId, title, kind, start, durationMinutes: Number(duration), location: location.trim() || null, facilitatorId: facilitatorId || null } } }),
      (d) => d.scheduleGroupSession,
    );
    if (payload) {
      setDone(true);
      setTitle('');
    }
  }
  return (
    <section className="card" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">Schedule a group session</h2>
      <p className="muted">Every active pair of the programme is invited and gets a calendar invitation.</p>
      {done && (
        <div className="notice notice--success" role="status">
          <p>Group session scheduled; invitations are on their way.</p>
        </div>
      )}
      <form onSubmit={handleSubmit} noValidate className="panel-form" aria-label="Schedule a group session">
        <div className="form-grid">
          <SelectField label="Programme" value={programmeId} onChange={(event) => setProgrammeId(event.target.value)} error={fieldError(action.userErrors, 'programmeId')}>
            {programmes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <TextField label="Title" required value={title} onChange={(event) => setTitle(event.target.value)} error={fieldError(action.userErrors, 'title')} />
          <SelectField label="Kind" value={kind} onChange={(event) => setKind(event.target.value as GroupSessionKind)}>
            {(Object.keys(kindLabels) as GroupSessionKind[]).map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </SelectField>
          <TextField label="Starts" type="datetime-local" required value={start} onChange={(event) => setStart(event.target.value)} error={fieldError(action.userErrors, 'start')} />
          <TextField label="Length in minutes" type="number" min={15} max={480} required value={duration} onChange={(event) => setDuration(event.target.value)} />
          <TextField label="Place" value={location} onChange={(event) => setLocation(event.target.value)} />
          <SelectField label="Facilitator" value={facilitatorId} onChange={(event) => setFacilitatorId(event.target.value)} error={fieldError(action.userErrors, 'facilitatorId')}>
            <option value="">You (the programme managers)</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </SelectField>
        </div>
        <FormProblems userErrors={action.userErrors} problem={action.problem} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={action.busy}>
            Schedule and invite
          </button>
        </div>
      </form>
    </section>
  );
}

function AttendanceForm({ sessionId, invitees }: { sessionId: string; invitees: readonly { attended?: boolean | null; person: { id: string; displayName: string } }[] }) {
  const [came, setCame] = useState<string[]>(invitees.filter((i) => i.attended).map((i) => i.person.id));
  const [record] = useMutation(RecordGroupAttendanceMutation, refetch);
  const action = useFormAction();
  const [saved, setSaved] = useState(false);
  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(Boolean(await action.run(() => record({ variables: { input: { groupSessionId: sessionId, attendeeIds: came } } }), (d) => d.recordGroupAttendance)));
  }
  return (
    <form onSubmit={handleSubmit} noValidate className="panel-form" aria-label="Attendance">
      <fieldset>
        <legend>Who came</legend>
        {invitees.map((invitee) => (
          <label key={invitee.person.id} className="checkbox">
            <input type="checkbox" checked={came.includes(invitee.person.id)} onChange={(event) => setCame(event.target.checked ? [...came, invitee.person.id] : came.filter((id) => id !== invitee.person.id))} />{' '}
            {invitee.person.displayName}
          </label>
        ))}
      </fieldset>
      {saved && (
        <p role="status" className="notice notice--success">
          Attendance recorded.
        </p>
      )}
      <FormProblems userErrors={action.userErrors} problem={action.problem} />
      <button type="submit" className="button button--secondary" disabled={action.busy}>
        Record attendance
      </button>
    </form>
  );
}

function LearningForm({ sessionId }: { sessionId: string }) {
  const [body, setBody] = useState('');
  const [add] = useMutation(AddGroupLearningMutation, refetch);
  const action = useFormAction();
  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (await action.run(() => add({ variables: { input: { groupSessionId: sessionId, body } } }), (d) => d.addGroupLearning)) setBody('');
  }
  return (
    <form onSubmit={handleSubmit} noValidate className="panel-form" aria-label="Shared learning">
      <TextAreaField label="What the group learned" hint="Write it for the set: do not name who said it. No author is stored." rows={3} value={body} onChange={(event) => setBody(event.target.value)} error={fieldError(action.userErrors, 'body')} />
      <FormProblems userErrors={action.userErrors} problem={action.problem} />
      <button type="submit" className="button button--secondary" disabled={action.busy}>
        Add to shared learning
      </button>
    </form>
  );
}
