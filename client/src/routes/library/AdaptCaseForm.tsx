import { useMutation, useQuery } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorSummary, fieldError, SelectField, TextAreaField, TextField, type UserErrorLike } from '../../components/forms';
import { graphql } from '../../gql';
import type { SignedInViewer } from '../../hooks/useViewer';

const AdaptOptionsQuery = graphql(`
  query AdaptOptions($organisationId: ID!) {
    pairs(first: 100, status: [ACTIVE, PROPOSED]) {
      nodes { id programme { id name } senior { id displayName } junior { id displayName } }
    }
    node(id: $organisationId) {
      __typename
      id
      ... on Organisation {
        members(first: 100, roles: [OWNER]) {
          nodes { id jobTitle person { id displayName } }
        }
      }
    }
  }
`);

const AdaptMutation = graphql(`
  mutation AdaptCase($input: AdaptCaseInput!) {
    adaptCase(input: $input) {
      sharedCase { id adaptationCount }
      adaptation { id }
      barrier { id title }
      change { id title status }
      userErrors { ...UserErrorFields }
    }
  }
`);

/** Adapt a case into the viewer's organisation: a barrier and a draft change for a pair they choose. */
export function AdaptCaseForm({ caseId, viewer, onAdapted }: { caseId: string; viewer: SignedInViewer; onAdapted: () => void }) {
  const organisationId = viewer.organisation?.id ?? viewer.memberships[0]?.organisation.id ?? '';
  const [open, setOpen] = useState(false);
  const { data } = useQuery(AdaptOptionsQuery, { variables: { organisationId }, skip: !open || !organisationId });
  const [adapt, { loading }] = useMutation(AdaptMutation);
  const [pairId, setPairId] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [title, setTitle] = useState('');
  const [changeTitle, setChangeTitle] = useState('');
  const [expectedImpact, setExpectedImpact] = useState('');
  const [shareProgress, setShareProgress] = useState(true);
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [done, setDone] = useState<{ barrier: { id: string; title: string }; change: { id: string; title: string } } | null>(null);

  if (done) {
    return (
      <div className="notice notice--success" role="status">
        <p>
          Adapted. Your organisation now has the barrier <Link to={`/barriers/${encodeURIComponent(done.barrier.id)}`}>“{done.barrier.title}”</Link> and a draft change,{' '}
          <Link to={`/changes/${encodeURIComponent(done.change.id)}`}>“{done.change.title}”</Link>, for the pair to review and submit.
        </p>
      </div>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
        Adapt for my organisation
      </button>
    );
  }

  const pairs = (data?.pairs.nodes ?? []).filter((p) => p.programme);
  const owners = data?.node?.__typename === 'Organisation' ? data.node.members.nodes : [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await adapt({
      variables: { input: { caseId, pairId, ownerId, title: title.trim() || null, changeTitle: changeTitle.trim() || null, expectedImpact, shareProgress } },
    });
    const payload = result.data?.adaptCase;
    setErrors(payload?.userErrors ?? []);
    if (payload?.barrier && payload.change) {
      setDone({ barrier: payload.barrier, change: payload.change });
      onAdapted();
    }
  };

  return (
    <form className="subform" onSubmit={submit} aria-label="Adapt this case">
      <p>
        This creates, in your organisation, a barrier raised by you and a draft change, linked back to this case. What the case changed comes
        across; its outcome and figures stay beside your change as reference, for you to set your own.
      </p>
      <ErrorSummary errors={errors} />
      <SelectField label="Pair who will take it forward" value={pairId} required onChange={(e) => setPairId(e.target.value)} error={fieldError(errors, 'pairId')}>
        <option value="">Choose a pair</option>
        {pairs.map((p) => (
          <option key={p.id} value={p.id}>
            {p.senior.displayName} and {p.junior.displayName} ({p.programme.name})
          </option>
        ))}
      </SelectField>
      <SelectField label="Owner who would decide the change" value={ownerId} required onChange={(e) => setOwnerId(e.target.value)} error={fieldError(errors, 'ownerId')}>
        <option value="">Choose an owner</option>
        {owners.map((m) => (
          <option key={m.id} value={m.person.id}>
            {m.person.displayName}
            {m.jobTitle ? `, ${m.jobTitle}` : ''}
          </option>
        ))}
      </SelectField>
      <TextField label="Barrier's title in your organisation" value={title} onChange={(e) => setTitle(e.target.value)} hint="The case's title if left empty." error={fieldError(errors, 'title')} />
      <TextField
        label="Change's title"
        value={changeTitle}
        onChange={(e) => setChangeTitle(e.target.value)}
        hint="“Act on: …” and the barrier's title if left empty."
        error={fieldError(errors, 'changeTitle')}
      />
      <TextAreaField
        label="What you expect it to achieve in your organisation"
        value={expectedImpact}
        required
        onChange={(e) => setExpectedImpact(e.target.value)}
        hint="In your own words. The case's outcome, on this page, is there for reference."
        error={fieldError(errors, 'expectedImpact')}
      />
      <label className="checkbox">
        <input type="checkbox" checked={shareProgress} onChange={(e) => setShareProgress(e.target.checked)} />
        <span className="checkbox__label">Show our organisation's name and how far we get on this case</span>
      </label>
      <button className="button button--primary" type="submit" disabled={loading}>
        {loading ? 'Adapting…' : 'Adapt this case'}
      </button>
    </form>
  );
}
