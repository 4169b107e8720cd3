import { useMutation } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { FormProblems } from '../../components/FormProblems';
import { fieldError, SelectField, TextAreaField } from '../../components/forms';
import { graphql } from '../../gql';
import type { GoalStage } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';

const RateMyGoalsMutation = graphql(`
  mutation RateMyGoals($input: RateMyGoalsInput!) {
    rateMyGoals(input: $input) {
      rating {
        stage
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

interface Rating {
  stage: GoalStage;
  goals: string;
  rating: number;
  sharedWithPartner: boolean;
  isMine: boolean;
}

const stageLabels: Record<GoalStage, string> = { START: 'At the start', END: 'At the end' };

/** Each co-learner rates their own goals at the start and end; the partner sees a rating only if its author shares it. */
export function GoalsCard({ programmeId, ratings, partnerName }: { programmeId: string; ratings: readonly Rating[]; partnerName: string }) {
  const [stage, setStage] = useState<GoalStage>(ratings.some((r) => r.isMine && r.stage === 'START') ? 'END' : 'START');
  const mine = ratings.find((r) => r.isMine && r.stage === stage);
  const [goals, setGoals] = useState(mine?.goals ?? ratings.find((r) => r.isMine)?.goals ?? '');
  const [rating, setRating] = useState(String(mine?.rating ?? 3));
  const [share, setShare] = useState(mine?.sharedWithPartner ?? false);
  const [saved, setSaved] = useState(false);
  const [rate] = useMutation(RateMyGoalsMutation, { refetchQueries: ['PairHome'], awaitRefetchQueries: true });
  const action = useFormAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(Boolean(await action.run(() => rate({ variables: { input: { programmeId, stage, goals, rating: Number(rating), shareWithPartner: share } } }), (d) => d.rateMyGoals)));
  }

  return (
    <section className="card" aria-labelledby="goals-heading">
      <h2 id="goals-heading">Your goals</h2>
      {ratings.length > 0 ? (
        <ul className="item-list item-list--flat" aria-label="Goal ratings">
          {ratings.map((r) => (
            <li key={`${r.isMine}-${r.stage}`}>
              <p>
                <strong>{r.isMine ? 'You' : partnerName}</strong> · {stageLabels[r.stage]} · {r.rating} of 5{r.isMine && !r.sharedWithPartner ? ' · only you see this' : ''}
              </p>
              <p className="prose">{r.goals}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Say what you hope to learn, and how far you are, at the start and again at the end.</p>
      )}
      <form onSubmit={handleSubmit} noValidate className="panel-form" aria-label="Rate your goals">
        <div className="form-grid">
          <SelectField label="When" value={stage} onChange={(event) => setStage(event.target.value as GoalStage)}>
            <option value="START">{stageLabels.START}</option>
            <option value="END">{stageLabels.END}</option>
          </SelectField>
          <SelectField label="How far you have reached them (1 to 5)" value={rating} onChange={(event) => setRating(event.target.value)} error={fieldError(action.userErrors, 'rating')}>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </SelectField>
          <TextAreaField className="field--wide" label="What you hope to learn" required rows={3} value={goals} onChange={(event) => setGoals(event.target.value)} error={fieldError(action.userErrors, 'goals')} />
          <label className="checkbox field--wide">
            <input type="checkbox" checked={share} onChange={(event) => setShare(event.target.checked)} /> Share this rating and these goals with {partnerName}
          </label>
        </div>
        {saved && (
          <p role="status" className="notice notice--success">
            Rating saved.
          </p>
        )}
        <FormProblems userErrors={action.userErrors} problem={action.problem} />
        <button type="submit" className="button button--secondary" disabled={action.busy}>
          Save my rating
        </button>
      </form>
      <p className="muted">Programme figures of how ratings changed are shown only for groups of five people or more.</p>
    </section>
  );
}
