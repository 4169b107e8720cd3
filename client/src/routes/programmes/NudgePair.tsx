import { useMutation } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { FormProblems } from '../../components/FormProblems';
import { fieldError, TextAreaField } from '../../components/forms';
import { graphql } from '../../gql';
import { useFormAction } from '../../hooks/useFormAction';
import { formatDay } from '../../labels';

const NudgePairMutation = graphql(`
  mutation NudgePair($input: NudgePairInput!) {
    nudgePair(input: $input) {
      pair {
        id
        lastNudgedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** As the server's limit (NUDGE_INTERVAL_DAYS in pair.service.ts). */
const NUDGE_INTERVAL_DAYS = 7;

interface NudgeablePair {
  id: string;
  lastNudgedAt?: string | null;
  senior: { displayName: string };
  junior: { displayName: string };
}

/** For programme managers: ask a pair how it is going; both co-learners get a notification. */
export function NudgePair({ pair }: { pair: NudgeablePair }) {
  const names = `${pair.senior.displayName} and ${pair.junior.displayName}`;
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState(false);
  const [nudge] = useMutation(NudgePairMutation);
  const action = useFormAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { pairId: pair.id, message: message.trim() || null };
    const payload = await action.run(() => nudge({ variables: { input } }), (data) => data.nudgePair);
    if (!payload) return;
    setOpen(false);
    setMessage('');
    setSent(true);
  }

  if (open) {
    return (
      <form onSubmit={handleSubmit} noValidate className="stack end-pair-form" aria-label={`Nudge ${names}`}>
        <TextAreaField
          label="A word from you"
          hint="Both co-learners see it with the nudge."
          rows={2}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          error={fieldError(action.userErrors, 'message')}
        />
        <FormProblems userErrors={action.userErrors} problem={action.problem} />
        <div className="actions">
          <button type="submit" className="button button--primary button--small" disabled={action.busy}>
            Send nudge
          </button>
          <button type="button" className="button button--link" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  // The server allows one nudge a week; within it, say when the last one went instead of offering another.
  const recent = pair.lastNudgedAt && Date.now() - new Date(pair.lastNudgedAt).getTime() < NUDGE_INTERVAL_DAYS * 86_400_000;
  return (
    <div role="status">
      {sent && <p className="notice notice--success">Nudged: {names} have been asked how it is going.</p>}
      {!sent && pair.lastNudgedAt && <p className="muted">Nudged {formatDay(pair.lastNudgedAt.slice(0, 10))}</p>}
      {!sent && !recent && (
        <button type="button" className="button button--link" onClick={() => setOpen(true)}>
          Nudge<span className="visually-hidden"> {names}</span>
        </button>
      )}
    </div>
  );
}
