import { useMutation } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { FormProblems } from '../../components/FormProblems';
import { fieldError, SelectField, TextAreaField } from '../../components/forms';
import { graphql } from '../../gql';
import type { Cadence } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';
import { allCadences, cadenceLabels, formatDate } from '../../labels';

const AgreeContractMutation = graphql(`
  mutation AgreeContract($input: AgreeContractInput!) {
    agreeContract(input: $input) {
      pair {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const ProposeContractMutation = graphql(`
  mutation ProposeContract($input: ProposeContractInput!) {
    proposeContract(input: $input) {
      pair {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

interface ContractPair {
  id: string;
  senior: { id: string; displayName: string };
  junior: { id: string; displayName: string };
  contract?: {
    version: number;
    focusTopics: string[];
    cadence: Cadence;
    groundRules: string;
    confidentiality: string;
    seniorAgreedAt?: string | null;
    juniorAgreedAt?: string | null;
    isAgreed: boolean;
  } | null;
  contractInEffect?: { version: number } | null;
  viewerCanProposeContract: boolean;
  viewerCanAgreeContract: boolean;
}

/** The mentoring contract: it takes effect when both co-learners have agreed the same version. */
export function ContractCard({ pair, viewerId }: { pair: ContractPair; viewerId: string }) {
  const [editing, setEditing] = useState(false);
  const [agree] = useMutation(AgreeContractMutation, { refetchQueries: ['PairHome', 'MyPairs'], awaitRefetchQueries: true });
  const agreeing = useFormAction();
  const contract = pair.contract;

  const agreement = (who: { id: string; displayName: string }, at?: string | null) => (
    <li>
      {at ? (
        <>
          <span aria-hidden="true">✓ </span>
          {who.id === viewerId ? 'You' : who.displayName} agreed on {formatDate(at)}
        </>
      ) : (
        <>
          <span aria-hidden="true">○ </span>
          Waiting for {who.id === viewerId ? 'you' : who.displayName}
        </>
      )}
    </li>
  );

  return (
    <section className="card" aria-labelledby="contract-heading">
      <h2 id="contract-heading">Contract</h2>
      {!contract ? (
        <p className="muted">No contract yet. One of you proposes it; it takes effect when you have both agreed.</p>
      ) : (
        <>
          <p>
            <strong>Version {contract.version}</strong> · {contract.isAgreed ? 'in effect' : pair.contractInEffect ? `version ${pair.contractInEffect.version} stays in effect until both agree this one` : 'not yet in effect'}
          </p>
          <ul className="agreements" aria-label="Agreement">
            {agreement(pair.senior, contract.seniorAgreedAt)}
            {agreement(pair.junior, contract.juniorAgreedAt)}
          </ul>
          {pair.viewerCanAgreeContract && (
            <div className="stack">
              <button
                type="button"
                className="button button--primary"
                disabled={agreeing.busy}
                onClick={() => agreeing.run(() => agree({ variables: { input: { pairId: pair.id, version: contract.version } } }), (data) => data.agreeContract)}
              >
                Agree version {contract.version}
              </button>
              <FormProblems userErrors={agreeing.userErrors} problem={agreeing.problem} />
            </div>
          )}
          <dl className="facts facts--stacked">
            <div>
              <dt>Focus topics</dt>
              <dd>
                <ul className="plain-list plain-list--tight">
                  {contract.focusTopics.map((topic) => (
                    <li key={topic}>{topic}</li>
                  ))}
                </ul>
              </dd>
            </div>
            <div>
              <dt>We meet</dt>
              <dd>{cadenceLabels[contract.cadence]}</dd>
            </div>
            <div>
              <dt>Ground rules</dt>
              <dd className="prose">{contract.groundRules}</dd>
            </div>
            <div>
              <dt>Confidentiality</dt>
              <dd className="prose">{contract.confidentiality}</dd>
            </div>
          </dl>
        </>
      )}
      {pair.viewerCanProposeContract &&
        (editing ? (
          <ProposeContractForm pair={pair} onDone={() => setEditing(false)} />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
            {contract ? 'Propose a new version' : 'Propose a contract'}
          </button>
        ))}
    </section>
  );
}

function ProposeContractForm({ pair, onDone }: { pair: ContractPair; onDone(): void }) {
  const current = pair.contract;
  const [topics, setTopics] = useState(current?.focusTopics.join('\n') ?? '');
  const [cadence, setCadence] = useState<Cadence>(current?.cadence ?? 'MONTHLY');
  const [groundRules, setGroundRules] = useState(current?.groundRules ?? '');
  const [confidentiality, setConfidentiality] = useState(current?.confidentiality ?? 'What we share stays between us unless we both agree otherwise.');
  const [propose] = useMutation(ProposeContractMutation, { refetchQueries: ['PairHome'], awaitRefetchQueries: true });
  const action = useFormAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const focusTopics = topics
      .split('\n')
      .map((topic) => topic.trim())
      .filter(Boolean);
    const problems = [];
    if (focusTopics.length === 0) problems.push({ field: ['input', 'focusTopics'], message: 'Name at least one focus topic.' });
    if (!groundRules.trim()) problems.push({ field: ['input', 'groundRules'], message: 'Write your ground rules.' });
    if (!confidentiality.trim()) problems.push({ field: ['input', 'confidentiality'], message: 'Say what stays confidential.' });
    if (problems.length > 0) {
      action.fail(problems);
      return;
    }
    const payload = await action.run(
      () => propose({ variables: { input: { pairId: pair.id, focusTopics, cadence, groundRules: groundRules.trim(), confidentiality: confidentiality.trim() } } }),
      (data) => data.proposeContract,
    );
    if (payload) onDone();
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="panel-form" aria-label="Propose a contract">
      <h3>{current ? 'New version' : 'Your contract'}</h3>
      <p className="muted">Your co-learner is asked to agree it. Proposing it counts as your agreement.</p>
      <TextAreaField label="Focus topics" required rows={4} hint="One per line." value={topics} onChange={(event) => setTopics(event.target.value)} error={fieldError(action.userErrors, 'focusTopics')} />
      <SelectField label="How often you meet" value={cadence} onChange={(event) => setCadence(event.target.value as Cadence)}>
        {allCadences.map((value) => (
          <option key={value} value={value}>
            {cadenceLabels[value]}
          </option>
        ))}
      </SelectField>
      <TextAreaField label="Ground rules" required rows={3} value={groundRules} onChange={(event) => setGroundRules(event.target.value)} error={fieldError(action.userErrors, 'groundRules')} />
      <TextAreaField label="Confidentiality" required rows={3} value={confidentiality} onChange={(event) => setConfidentiality(event.target.value)} error={fieldError(action.userErrors, 'confidentiality')} />
      <FormProblems userErrors={action.userErrors} problem={action.problem} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {action.busy ? 'Proposing…' : 'Propose'}
        </button>
        <button type="button" className="button button--link" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
