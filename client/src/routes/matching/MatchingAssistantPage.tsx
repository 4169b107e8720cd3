import { useMutation, useQuery } from '@apollo/client';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { FormProblems } from '../../components/FormProblems';
import { RadioGroup, SelectField, TextField } from '../../components/forms';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import type { MatchingAssistantFieldsFragment, MatchingFocus } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';
import { useTitle } from '../../hooks/useTitle';
import { NotFoundPage } from '../NotFoundPage';
import { focusOptions } from './matching-labels';

export const MatchingAssistantFields = graphql(`
  fragment MatchingAssistantFields on MatchingAssistant {
    focus
    seniorFromGrade
    ranAt
    proposals {
      id
      score
      reasons
      fixed
      trainingStillToComplete
      senior {
        id
        displayName
      }
      junior {
        id
        displayName
      }
    }
    candidates {
      grade
      division
      side
      unmatchedBecause
      person {
        id
        displayName
      }
    }
  }
`);

const AssistantQuery = graphql(`
  query MatchingAssistantPage($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Programme {
        name
        status
        viewerCanRunMatching
        design {
          templateKey
          seniorLabel
          juniorLabel
          trainingRequired
        }
      }
    }
    matchingAssistant(programmeId: $id) {
      ...MatchingAssistantFields
    }
  }
`);

const RunMatching = graphql(`
  mutation RunMatching($input: RunMatchingInput!) {
    runMatching(input: $input) {
      assistant {
        ...MatchingAssistantFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const SetFixed = graphql(`
  mutation SetMatchingProposalFixed($input: SetMatchingProposalFixedInput!) {
    setMatchingProposalFixed(input: $input) {
      assistant {
        ...MatchingAssistantFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const FixCouple = graphql(`
  mutation FixMatchingCouple($input: FixMatchingCoupleInput!) {
    fixMatchingCouple(input: $input) {
      assistant {
        ...MatchingAssistantFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const ConfirmMatching = graphql(`
  mutation ConfirmMatching($input: ProgrammeMatchingInput!) {
    confirmMatching(input: $input) {
      pairs {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

type Assistant = MatchingAssistantFieldsFragment;
type Proposal = Assistant['proposals'][number];

/**
 * For a programme's managers: run the assistant, review its proposals and reasons, fix or adjust
 * some, re-run for the rest, and confirm. Nothing is paired until they confirm.
 */
export function MatchingAssistantPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(AssistantQuery, { variables: { id } });
  const programme = data?.node?.__typename === 'Programme' ? data.node : null;
  useTitle(programme ? `Matching assistant · ${programme.name}` : 'Matching assistant');
  const [focus, setFocus] = useState<MatchingFocus | null>(null);
  const [seniorFrom, setSeniorFrom] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const action = useFormAction();
  const adjustment = useFormAction();
  const [run] = useMutation(RunMatching);
  const [setFixed] = useMutation(SetFixed);
  const [fixCouple] = useMutation(FixCouple);
  const [confirm] = useMutation(ConfirmMatching, { refetchQueries: ['Programme'] });
  const [override, setOverride] = useState<Assistant | null>(null);

  if (loading && !data) return <p className="loading">Loading the matching assistant…</p>;
  if (!programme || !data?.matchingAssistant) return error ? <ProblemMessage error={error} onRetry={() => refetch()} /> : <NotFoundPage />;

  const assistant = override ?? (data.matchingAssistant as Assistant);
  // Until the assistant has run, the programme's template suggests the focus: a board-led programme is reverse mentoring.
  const chosenFocus = focus ?? assistant.focus ?? (programme.design.templateKey === 'BOARD_REVERSE_6_MONTH' ? 'REVERSE' : 'MUTUAL');
  const threshold = seniorFrom ?? assistant.seniorFromGrade?.toString() ?? '';
  const fixedCount = assistant.proposals.filter((p) => p.fixed).length;
  const unmatched = assistant.candidates.filter((c) => c.unmatchedBecause);
  const gradeOf = new Map(assistant.candidates.map((c) => [c.person.id, c]));
  const inFixedProposals = new Set(assistant.proposals.filter((p) => p.fixed).flatMap((p) => [p.senior.id, p.junior.id]));
  // The programme's own words for its sides: "Board member" and "Reverse mentor", "Mentor" and "Mentee".
  const sides = { senior: programme.design.seniorLabel, junior: programme.design.juniorLabel };

  async function apply(result: Promise<{ assistant?: Assistant | null; userErrors: readonly { message: string }[] } | null>) {
    const payload = await result;
    if (payload?.assistant) setOverride(payload.assistant);
    return payload;
  }

  const runAssistant = () =>
    apply(
      action.run(
        () => run({ variables: { input: { programmeId: programme.id, focus: chosenFocus, seniorFromGrade: threshold ? Number(threshold) : null } } }),
        (d) => d.runMatching,
      ),
    );

  return (
    <div className="page">
      <div className="page-header">
        <p className="breadcrumb">
          <Link to={`/programmes/${encodeURIComponent(programme.id)}`}>{programme.name}</Link>
        </p>
        <h1>Matching assistant</h1>
        <p className="page-header__sub">
          {assistant.candidates.length} opted in · {assistant.proposals.length} proposed couples ({fixedCount} fixed) · {unmatched.length} not in a proposal
        </p>
      </div>

      <section className="card" aria-labelledby="run-heading">
        <h2 id="run-heading">Run the assistant</h2>
        <p>
          It never pairs people in the same reporting line, always pairs a {sides.senior.toLowerCase()} (higher grade) with a {sides.junior.toLowerCase()} (lower
          grade), and leaves people already in a pair alone.
          Fixed proposals stay as they are; everyone else is proposed afresh, as many couples as possible with the best total fit. Nothing is paired
          until you confirm.
        </p>
        <div className="form-grid">
          <RadioGroup<MatchingFocus> legend="What matters most" name="focus" options={focusOptions} value={chosenFocus} onChange={setFocus} className="field--wide" />
          <TextField
            label={`${sides.senior}s from grade`}
            hint={`People at or above this grade are ${sides.senior.toLowerCase()}s. Leave empty to split the cohort evenly.`}
            inputMode="numeric"
            value={threshold}
            onChange={(event) => setSeniorFrom(event.target.value)}
          />
          <div className="field--wide">
            <FormProblems userErrors={action.userErrors} problem={action.problem} />
            <div className="actions">
              <button type="button" className="button button--primary" onClick={runAssistant} disabled={action.busy || programme.status === 'CLOSED'}>
                {action.busy ? 'Working…' : assistant.ranAt ? 'Re-run for the rest' : 'Run the assistant'}
              </button>
            </div>
          </div>
        </div>
      </section>

      <section className="card" aria-labelledby="proposals-heading">
        <div className="card-header">
          <h2 id="proposals-heading">
            Proposed couples <span className="count">{assistant.proposals.length}</span>
          </h2>
          {assistant.proposals.length > 0 && !confirming && (
            <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
              Confirm {assistant.proposals.length} pairs…
            </button>
          )}
        </div>
        {confirming && (
          <div className="notice notice--info" role="alert">
            <p>
              Confirm all {assistant.proposals.length} couples as pairs? Each co-learner is told who their partner is; each pair then agrees a contract.
              {programme.design.trainingRequired && ' This programme starts a pair only when both have completed their training: the programme page shows who still has to complete what.'}
            </p>
            <div className="actions">
              <button
                type="button"
                className="button button--primary button--small"
                disabled={action.busy}
                onClick={async () => {
                  const done = await action.run(() => confirm({ variables: { input: { programmeId: programme.id } } }), (d) => d.confirmMatching);
                  setConfirming(false);
                  if (done) navigate(`/programmes/${encodeURIComponent(programme.id)}`, { state: { matched: `${done.pairs.length} pairs are matched: each co-learner has been told who their partner is.` } });
                }}
              >
                Yes, pair them
              </button>
              <button type="button" className="button button--link" onClick={() => setConfirming(false)}>
                Not yet
              </button>
            </div>
          </div>
        )}
        {assistant.proposals.length === 0 ? (
          <p className="muted">{assistant.ranAt ? 'No couples are proposed.' : 'Run the assistant to see proposals.'}</p>
        ) : (
          <table className="table table--stack">
            <caption className="visually-hidden">Proposed couples with their reasons</caption>
            <thead>
              <tr>
                <th scope="col">{sides.senior}</th>
                <th scope="col">{sides.junior}</th>
                <th scope="col">Fit</th>
                <th scope="col">Why</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {assistant.proposals.map((proposal) => (
                <ProposalRow
                  key={proposal.id}
                  sides={sides}
                  proposal={proposal}
                  grade={(personId) => gradeOf.get(personId)?.grade ?? null}
                  juniors={assistant.candidates.filter(
                    (c) => c.side === 'JUNIOR' && c.person.id !== proposal.junior.id && !inFixedProposals.has(c.person.id) && c.unmatchedBecause !== 'Already in a pair in this programme.',
                  )}
                  adjusting={adjusting === proposal.id}
                  busy={action.busy || adjustment.busy}
                  problems={<FormProblems userErrors={adjustment.userErrors} problem={adjustment.problem} />}
                  onAdjust={() => setAdjusting(adjusting === proposal.id ? null : proposal.id)}
                  onFix={(fixed) => apply(action.run(() => setFixed({ variables: { input: { proposalId: proposal.id, fixed } } }), (d) => d.setMatchingProposalFixed))}
                  onChoose={async (juniorId) => {
                    const done = await apply(
                      adjustment.run(
                        () => fixCouple({ variables: { input: { programmeId: programme.id, seniorId: proposal.senior.id, juniorId, replacesProposalId: proposal.id } } }),
                        (d) => d.fixMatchingCouple,
                      ),
                    );
                    if (done) setAdjusting(null);
                  }}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>

      {unmatched.length > 0 && (
        <section className="card" aria-labelledby="unmatched-heading">
          <h2 id="unmatched-heading">
            Not in a proposal <span className="count">{unmatched.length}</span>
          </h2>
          <ul className="plain-list">
            {unmatched.map((c) => (
              <li key={c.person.id}>
                <strong>{c.person.displayName}</strong>
                {c.grade !== null && c.grade !== undefined ? ` (grade ${c.grade})` : ''}: {c.unmatchedBecause}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function ProposalRow({
  proposal,
  sides,
  grade,
  juniors,
  adjusting,
  busy,
  problems,
  onAdjust,
  onFix,
  onChoose,
}: {
  proposal: Proposal;
  sides: { senior: string; junior: string };
  grade(personId: string): number | null;
  juniors: Assistant['candidates'];
  adjusting: boolean;
  busy: boolean;
  problems: ReactNode;
  onAdjust(): void;
  onFix(fixed: boolean): void;
  onChoose(juniorId: string): void;
}) {
  const [juniorId, setJuniorId] = useState('');
  const senior = proposal.senior.displayName;
  return (
    <>
      <tr>
        <th scope="row" data-label={sides.senior}>
          {senior} <span className="muted">grade {grade(proposal.senior.id) ?? '?'}</span>
        </th>
        <td data-label={sides.junior}>
          {proposal.junior.displayName} <span className="muted">grade {grade(proposal.junior.id) ?? '?'}</span>
        </td>
        <td data-label="Fit">
          {proposal.score}
          {proposal.fixed && <span className="tag">Fixed</span>}
        </td>
        <td data-label="Why">
          {proposal.reasons.join('; ') || 'No shared preferences'}
          {proposal.trainingStillToComplete.length > 0 && (
            <span className="muted">
              {' '}
              · Starts once trained: {proposal.trainingStillToComplete.join('; ')}
            </span>
          )}
        </td>
        <td data-label="">
          <div className="actions">
            <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => onFix(!proposal.fixed)}>
              {proposal.fixed ? 'Unfix' : 'Fix'}
              <span className="visually-hidden"> {senior}'s proposal</span>
            </button>
            <button type="button" className="button button--secondary button--small" aria-expanded={adjusting} onClick={onAdjust}>
              Adjust<span className="visually-hidden"> {senior}'s proposal</span>
            </button>
          </div>
        </td>
      </tr>
      {adjusting && (
        <tr className="table__detail">
          <td colSpan={5}>
            <form
              className="form-grid"
              aria-label={`Adjust ${senior}'s proposal`}
              onSubmit={(event) => {
                event.preventDefault();
                if (juniorId) onChoose(juniorId);
              }}
            >
              <SelectField label={`Pair ${senior} with`} value={juniorId} onChange={(event) => setJuniorId(event.target.value)}>
                <option value="">Choose a {sides.junior.toLowerCase()}</option>
                {juniors.map((c) => (
                  <option key={c.person.id} value={c.person.id}>
                    {c.person.displayName} (grade {c.grade}, {c.division ?? 'no division'}){c.unmatchedBecause ? ', not in a proposal' : ''}
                  </option>
                ))}
              </SelectField>
              {problems}
              <div className="actions">
                <button type="submit" className="button button--primary button--small" disabled={busy || !juniorId}>
                  Fix this couple
                </button>
              </div>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}
