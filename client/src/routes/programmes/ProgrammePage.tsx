import { useMutation, useQuery } from '@apollo/client';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { FormProblems } from '../../components/FormProblems';
import { fieldError, SelectField, TextAreaField } from '../../components/forms';
import { ProblemMessage } from '../../components/ProblemMessage';
import { PairStatusBadge, ProgrammeStatusBadge } from '../../components/StatusBadge';
import { graphql } from '../../gql';
import { useFormAction } from '../../hooks/useFormAction';
import { memberLabel, useMembers } from '../../hooks/useMembers';
import { useTitle } from '../../hooks/useTitle';
import type { Cadence } from '../../gql/graphql';
import { cadenceLabels, formatDay, today } from '../../labels';
import { ProgrammeForm, programmeInput, type ProgrammeValues } from './ProgrammeFields';
import { NotFoundPage } from '../NotFoundPage';
import { NudgePair } from './NudgePair';
import { ProgrammeDesignSections } from './ProgrammeDesign';
import { MatchingProfileCard } from '../matching/MatchingProfileCard';

const ProgrammeQuery = graphql(`
  query Programme($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Programme {
        name
        description
        status
        startsOn
        endsOn
        sessionCadence
        viewerCanManage
        viewerCanEdit
        viewerCanRunMatching
        viewerCanOptIn
        viewerMatchingProfile {
          id
          topics
          availability
          hopes
          volunteeredCharacteristics
          useCharacteristics
        }
        organisation {
          id
          name
        }
        design {
          seniorLabel
          juniorLabel
        }
        pairs(first: 100) {
          totalCount
          nodes {
            id
            status
            endedReason
            lastSessionOn
            lastNudgedAt
            viewerCanEnd
            viewerCanNudge
            senior {
              id
              displayName
            }
            junior {
              id
              displayName
            }
            contractInEffect {
              version
            }
          }
        }
      }
    }
  }
`);

const StartProgrammeMutation = graphql(`
  mutation StartProgramme($input: ProgrammeInput!) {
    startProgramme(input: $input) {
      programme {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const UpdateProgrammeMutation = graphql(`
  mutation UpdateProgramme($input: UpdateProgrammeInput!) {
    updateProgramme(input: $input) {
      programme {
        id
        name
        description
        startsOn
        endsOn
        sessionCadence
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const CloseProgrammeMutation = graphql(`
  mutation CloseProgramme($input: ProgrammeInput!) {
    closeProgramme(input: $input) {
      programme {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const CreatePairMutation = graphql(`
  mutation CreatePair($input: CreatePairInput!) {
    createPair(input: $input) {
      pair {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const EndPairMutation = graphql(`
  mutation EndPair($input: EndPairInput!) {
    endPair(input: $input) {
      pair {
        id
        status
        endedReason
        viewerCanEnd
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** A manager corrects the programme's name, description, dates or cadence until it closes. */
function EditProgrammeForm({ programme, onDone }: { programme: { id: string; name: string; description?: string | null; startsOn: string; endsOn: string; sessionCadence: Cadence }; onDone(): void }) {
  const [update] = useMutation(UpdateProgrammeMutation, { refetchQueries: ['Programmes'] });
  const action = useFormAction();
  const initial = { name: programme.name, description: programme.description ?? '', startsOn: programme.startsOn, endsOn: programme.endsOn, cadence: programme.sessionCadence };

  async function save(values: ProgrammeValues) {
    const payload = await action.run(() => update({ variables: { input: { programmeId: programme.id, ...programmeInput(values) } } }), (data) => data.updateProgramme);
    if (payload) onDone();
  }

  return (
    <section className="card" aria-labelledby="edit-programme-heading">
      <h2 id="edit-programme-heading">Edit the programme</h2>
      <ProgrammeForm initial={initial} action={action} save={save} submitLabel="Save changes" busyLabel="Saving…" onCancel={onDone} />
    </section>
  );
}

/** A lifecycle step asked twice: what it does, then "yes" or "not now". */
function ConfirmStep({ children, yes, no, busy, onYes, onNo }: { children: ReactNode; yes: string; no: string; busy: boolean; onYes(): Promise<unknown>; onNo(): void }) {
  return (
    <div className="notice notice--info" role="alert">
      {children}
      <div className="actions">
        <button
          type="button"
          className="button button--primary button--small"
          disabled={busy}
          onClick={async () => {
            await onYes();
            onNo();
          }}
        >
          {yes}
        </button>
        <button type="button" className="button button--link" onClick={onNo}>
          {no}
        </button>
      </div>
    </div>
  );
}

/** One programme: start or close it, see its pairs, match a new pair, end a pair early. */
export function ProgrammePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;
  const matched = (location.state as { matched?: string } | null)?.matched;
  const { data, loading, error, refetch } = useQuery(ProgrammeQuery, { variables: { id } });
  const programme = data?.node?.__typename === 'Programme' ? data.node : null;
  useTitle(programme?.name ?? 'Programme');
  const [start] = useMutation(StartProgrammeMutation, { refetchQueries: ['Programme', 'Programmes'] });
  const [close] = useMutation(CloseProgrammeMutation, { refetchQueries: ['Programme', 'Programmes'] });
  const lifecycle = useFormAction();
  const [confirmClose, setConfirmClose] = useState(false);
  const [confirmStart, setConfirmStart] = useState(false);
  const [editing, setEditing] = useState(false);

  if (loading && !data) return <p className="loading">Loading the programme…</p>;
  if (!programme) return error ? <ProblemMessage error={error} onRetry={() => refetch()} /> : <NotFoundPage />;

  const pairs = programme.pairs.nodes;

  return (
    <div className="page">
      <div className="page-header page-header--split">
        <div>
          <p className="breadcrumb">
            <Link to="/programmes">Programmes</Link>
          </p>
          <div className="title-row">
            <h1>{programme.name}</h1>
            <ProgrammeStatusBadge status={programme.status} />
          </div>
          <p className="page-header__sub">
            {formatDay(programme.startsOn)} to {formatDay(programme.endsOn)} · {cadenceLabels[programme.sessionCadence]} sessions · {programme.organisation.name}
          </p>
        </div>
        {programme.viewerCanManage && (
          <div className="actions">
            {programme.viewerCanEdit && !editing && (
              <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
                Edit programme
              </button>
            )}
            {programme.status === 'PLANNED' && !confirmStart && (
              <button type="button" className="button button--primary" onClick={() => setConfirmStart(true)}>
                Start programme
              </button>
            )}
            {programme.status === 'ACTIVE' && !confirmClose && (
              <button type="button" className="button button--secondary" onClick={() => setConfirmClose(true)}>
                Close programme
              </button>
            )}
          </div>
        )}
      </div>

      {flash && programme.status === 'PLANNED' && (
        <div className="notice notice--success" role="status">
          <p>{flash}</p>
        </div>
      )}
      {confirmStart && programme.status === 'PLANNED' && (
        <ConfirmStep
          yes="Yes, start it"
          no="Not yet"
          busy={lifecycle.busy}
          onYes={() => lifecycle.run(() => start({ variables: { input: { programmeId: programme.id } } }), (result) => result.startProgramme)}
          onNo={() => setConfirmStart(false)}
        >
          <p>Starting the programme makes it active for everyone in it. It cannot go back to planned.</p>
          {programme.startsOn > today() && (
            <p>
              <strong>Its first day, {formatDay(programme.startsOn)}, is still ahead:</strong> starting now begins it early.
            </p>
          )}
        </ConfirmStep>
      )}
      {editing && programme.viewerCanEdit && <EditProgrammeForm programme={programme} onDone={() => setEditing(false)} />}
      {confirmClose && programme.status === 'ACTIVE' && (
        <ConfirmStep
          yes="Yes, close it"
          no="Keep it open"
          busy={lifecycle.busy}
          onYes={() => lifecycle.run(() => close({ variables: { input: { programmeId: programme.id } } }), (result) => result.closeProgramme)}
          onNo={() => setConfirmClose(false)}
        >
          <p>Closing the programme marks every open pair completed. It cannot be reopened.</p>
        </ConfirmStep>
      )}
      <FormProblems userErrors={lifecycle.userErrors} problem={lifecycle.problem} />
      {programme.description && <p className="prose">{programme.description}</p>}

      <section className="card" aria-labelledby="pairs-heading">
        <h2 id="pairs-heading">
          Pairs <span className="count">{programme.pairs.totalCount}</span>
        </h2>
        {pairs.length === 0 ? (
          <p className="muted">No pairs yet.</p>
        ) : (
          <table className="table table--stack">
            <caption className="visually-hidden">Pairs in {programme.name}</caption>
            <thead>
              <tr>
                <th scope="col">
                  {programme.design.seniorLabel} and {programme.design.juniorLabel}
                </th>
                <th scope="col">Status</th>
                <th scope="col">Contract</th>
                <th scope="col">Last session</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pairs.map((pair) => (
                <PairRow key={pair.id} pair={pair} />
              ))}
            </tbody>
          </table>
        )}
      </section>

      {matched && (
        <div className="notice notice--success" role="status">
          <p>{matched}</p>
        </div>
      )}
      {programme.viewerCanRunMatching && programme.status !== 'CLOSED' && (
        <p>
          <Link className="button button--secondary" to={`/programmes/${encodeURIComponent(programme.id)}/matching`}>
            Matching assistant
          </Link>
        </p>
      )}
      {programme.viewerCanOptIn && <MatchingProfileCard key={programme.id} programmeId={programme.id} profile={programme.viewerMatchingProfile ?? null} />}

      {programme.viewerCanManage && programme.status !== 'CLOSED' && (
        <CreatePairForm programmeId={programme.id} organisationId={programme.organisation.id} pairs={programme.pairs.nodes} wording={programme.design} />
      )}

      <ProgrammeDesignSections programmeId={programme.id} />
    </div>
  );
}

interface PairRowData {
  id: string;
  status: 'PROPOSED' | 'ACTIVE' | 'COMPLETED' | 'ENDED';
  endedReason?: string | null;
  lastSessionOn?: string | null;
  lastNudgedAt?: string | null;
  viewerCanEnd: boolean;
  viewerCanNudge: boolean;
  senior: { displayName: string };
  junior: { displayName: string };
  contractInEffect?: { version: number } | null;
}

function PairRow({ pair }: { pair: PairRowData }) {
  const [ending, setEnding] = useState(false);
  const [reason, setReason] = useState('');
  const [end] = useMutation(EndPairMutation, { refetchQueries: ['Programme'] });
  const action = useFormAction();

  async function handleEnd(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      action.fail([{ field: ['input', 'reason'], message: 'Say why the pair is ending.' }]);
      return;
    }
    const payload = await action.run(() => end({ variables: { input: { pairId: pair.id, reason: reason.trim() } } }), (data) => data.endPair);
    if (payload) setEnding(false);
  }

  return (
    <tr>
      <th scope="row" data-label="Pair">
        <Link className="person-name" to={`/pair/${encodeURIComponent(pair.id)}`}>
          {pair.senior.displayName} and {pair.junior.displayName}
        </Link>
        {pair.endedReason && <span className="person-email">Ended: {pair.endedReason}</span>}
      </th>
      <td data-label="Status">
        <PairStatusBadge status={pair.status} />
      </td>
      <td data-label="Contract">{pair.contractInEffect ? `Version ${pair.contractInEffect.version} agreed` : <span className="muted">Not agreed yet</span>}</td>
      <td data-label="Last session">{pair.lastSessionOn ? formatDay(pair.lastSessionOn) : <span className="muted">None yet</span>}</td>
      <td data-label="">
        {pair.viewerCanNudge && !ending && <NudgePair pair={pair} />}
        {pair.viewerCanEnd &&
          (ending ? (
            <form onSubmit={handleEnd} noValidate className="stack end-pair-form" aria-label={`End the pair ${pair.senior.displayName} and ${pair.junior.displayName}`}>
              <TextAreaField label="Reason" required rows={2} value={reason} onChange={(event) => setReason(event.target.value)} error={fieldError(action.userErrors, 'reason')} />
              <FormProblems userErrors={action.userErrors} problem={action.problem} />
              <div className="actions">
                <button type="submit" className="button button--primary button--small" disabled={action.busy}>
                  End pair
                </button>
                <button type="button" className="button button--link" onClick={() => setEnding(false)}>
                  Cancel
                </button>
              </div>
            </form>
          ) : (
            <button type="button" className="button button--link" onClick={() => setEnding(true)}>
              End early<span className="visually-hidden"> ({pair.senior.displayName} and {pair.junior.displayName})</span>
            </button>
          ))}
      </td>
    </tr>
  );
}

type PairedPeople = readonly { status: string; senior: { id: string; displayName: string }; junior: { id: string; displayName: string } }[];

/** Who is already in an open pair of this programme, and with whom: they are shown, but cannot be chosen again. */
function partnersIn(pairs: PairedPeople): Map<string, string> {
  const partners = new Map<string, string>();
  for (const pair of pairs.filter((p) => p.status === 'PROPOSED' || p.status === 'ACTIVE')) {
    partners.set(pair.senior.id, pair.junior.displayName);
    partners.set(pair.junior.id, pair.senior.displayName);
  }
  return partners;
}

function CreatePairForm({ programmeId, organisationId, pairs, wording }: { programmeId: string; organisationId: string; pairs: PairedPeople; wording: { seniorLabel: string; juniorLabel: string } }) {
  const colearners = useMembers(organisationId, ['CO_LEARNER']);
  const [seniorId, setSeniorId] = useState('');
  const [juniorId, setJuniorId] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [createPair] = useMutation(CreatePairMutation, { refetchQueries: ['Programme', 'Programmes'], awaitRefetchQueries: true });
  const action = useFormAction();
  const name = (personId: string) => colearners.members.find((member) => member.person.id === personId)?.person.displayName ?? '';

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    const problems = [];
    if (!seniorId) problems.push({ field: ['input', 'seniorId'], message: `Choose the ${wording.seniorLabel.toLowerCase()}.` });
    if (!juniorId) problems.push({ field: ['input', 'juniorId'], message: `Choose the ${wording.juniorLabel.toLowerCase()}.` });
    if (seniorId && seniorId === juniorId) problems.push({ field: ['input', 'juniorId'], message: 'Choose two different people.' });
    if (problems.length > 0) {
      action.fail(problems);
      return;
    }
    const payload = await action.run(() => createPair({ variables: { input: { programmeId, seniorId, juniorId } } }), (data) => data.createPair);
    if (payload) {
      setCreated(`${name(seniorId)} and ${name(juniorId)} are matched. Their pair becomes active when both agree a contract.`);
      setSeniorId('');
      setJuniorId('');
    }
  }

  const partners = partnersIn(pairs);
  const available = colearners.members.filter((member) => !partners.has(member.person.id)).length;
  // Each picker offers the co-learners who are free; those already paired show who with, and cannot be chosen;
  // the person chosen on the other side is not offered again.
  const options = (otherSide: string) =>
    colearners.members.map((member) => {
      const partner = partners.get(member.person.id);
      return (
        <option key={member.person.id} value={member.person.id} disabled={Boolean(partner) || member.person.id === otherSide}>
          {memberLabel(member)}
          {member.division ? ` (${member.division})` : ''}
          {partner ? ` — already paired with ${partner}` : ''}
        </option>
      );
    });

  return (
    <section className="card" aria-labelledby="new-pair-heading">
      <h2 id="new-pair-heading">Match a pair</h2>
      <p className="muted">
        A {wording.seniorLabel.toLowerCase()} and a {wording.juniorLabel.toLowerCase()}, ideally from different parts of the organisation. Each person is in one pair per programme:{' '}
        {available === 1 ? '1 co-learner is' : `${available} co-learners are`} not paired yet.
      </p>
      {created && (
        <div className="notice notice--success" role="status">
          <p>{created}</p>
        </div>
      )}
      <form onSubmit={handleSubmit} noValidate className="form-grid">
        <SelectField label={wording.seniorLabel} value={seniorId} onChange={(event) => setSeniorId(event.target.value)} error={fieldError(action.userErrors, 'seniorId')}>
          <option value="">{colearners.loading ? 'Loading…' : 'Choose a person'}</option>
          {options(juniorId)}
        </SelectField>
        <SelectField label={wording.juniorLabel} value={juniorId} onChange={(event) => setJuniorId(event.target.value)} error={fieldError(action.userErrors, 'juniorId')}>
          <option value="">{colearners.loading ? 'Loading…' : 'Choose a person'}</option>
          {options(seniorId)}
        </SelectField>
        <div className="field--wide">
          <FormProblems userErrors={action.userErrors} problem={action.problem ?? colearners.error ?? null} />
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? 'Matching…' : 'Create pair'}
          </button>
        </div>
      </form>
    </section>
  );
}
