import { useMutation } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EvidenceEditor, evidenceInput, type EvidenceDraft } from '../../components/Evidence';
import { FormProblems } from '../../components/FormProblems';
import { CheckboxGroup, fieldError, RadioGroup, SelectField, TextAreaField, TextField } from '../../components/forms';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import type { AffectedGroup, Attribution, BarrierCategory } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';
import { pairName, useMyPairs } from '../../hooks/useMyPairs';
import { useTitle } from '../../hooks/useTitle';
import { affectedGroupLabels, allAffectedGroups, allBarrierCategories, barrierCategoryLabels } from '../../labels';

const RaiseBarrierMutation = graphql(`
  mutation RaiseBarrier($input: RaiseBarrierInput!) {
    raiseBarrier(input: $input) {
      barrier {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** A pair names a barrier, with evidence, under their names or anonymously. */
export function RaiseBarrierPage() {
  useTitle('Raise a barrier');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // From a held group session's "Raise a barrier for the set": the set, and the pair the viewer came with.
  const groupSessionId = params.get('groupSession');
  const setName = params.get('set');
  const { active, loading, error, refetch } = useMyPairs();
  const [pairId, setPairId] = useState(params.get('pair') ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<BarrierCategory | ''>('');
  const [groups, setGroups] = useState<AffectedGroup[]>([]);
  const [evidence, setEvidence] = useState<EvidenceDraft[]>([]);
  const [attribution, setAttribution] = useState<Attribution>('NAMED');
  const [raise] = useMutation(RaiseBarrierMutation, { refetchQueries: ['Barriers', 'PairHome'] });
  const action = useFormAction();

  if (loading) return <p className="loading">Loading…</p>;
  if (error) return <ProblemMessage error={error} onRetry={() => refetch()} />;
  if (active.length === 0) {
    return (
      <div className="page">
        <div className="page-header">
          <h1>Raise a barrier</h1>
        </div>
        <section className="card">
          <p>Barriers are raised by co-learning pairs. You are not in an active pair yet; your programme manager matches pairs.</p>
          <p>
            <Link to="/barriers">Back to barriers</Link>
          </p>
        </section>
      </div>
    );
  }
  const chosenPair = pairId || active[0].id;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = [];
    if (!title.trim()) problems.push({ field: ['input', 'title'], message: 'Give the barrier a short title.' });
    if (!description.trim()) problems.push({ field: ['input', 'description'], message: 'Describe what happens and who it affects.' });
    if (!category) problems.push({ field: ['input', 'category'], message: 'Choose a category.' });
    if (groups.length === 0) problems.push({ field: ['input', 'affectedGroups'], message: 'Choose at least one affected group.' });
    if (problems.length > 0 || !category) {
      action.fail(problems);
      return;
    }
    const payload = await action.run(
      () =>
        raise({
          variables: {
            input: {
              pairId: chosenPair,
              groupSessionId,
              title: title.trim(),
              description: description.trim(),
              category,
              affectedGroups: groups,
              evidence: evidenceInput(evidence),
              attribution: groupSessionId ? 'ANONYMOUS' : attribution,
            },
          },
        }),
      (data) => data.raiseBarrier,
    );
    if (payload?.barrier) navigate(`/barriers/${encodeURIComponent(payload.barrier.id)}`, { state: { flash: 'Your barrier is on record.' } });
  }

  const errors = action.userErrors;
  return (
    <div className="page">
      <div className="page-header">
        <p className="breadcrumb">
          <Link to="/barriers">Barriers</Link>
        </p>
        <h1>Raise a barrier</h1>
        <p className="page-header__sub">Something in the organisation that stands in the way of equality. Others can corroborate it, and you can propose a change.</p>
      </div>
      <section className="card">
        <form onSubmit={handleSubmit} noValidate className="form-grid">
          {groupSessionId && (
            <div className="notice field--wide" role="note">
              <p>
                Raised on behalf of the set{setName ? ` “${setName}”` : ''}: everyone sees it as the set’s, never which pair or person raised it. The set’s other pairs are told and can
                corroborate it.
              </p>
            </div>
          )}
          {!groupSessionId && active.length > 1 && (
            <SelectField label="Raised by" value={chosenPair} onChange={(event) => setPairId(event.target.value)}>
              {active.map((pair) => (
                <option key={pair.id} value={pair.id}>
                  {pairName(pair)}
                </option>
              ))}
            </SelectField>
          )}
          <TextField className="field--wide" label="Title" required maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} error={fieldError(errors, 'title')} hint="One line, e.g. “Night rota gives carers no predictable nights off”." />
          <TextAreaField className="field--wide" label="What happens" required rows={5} value={description} onChange={(event) => setDescription(event.target.value)} error={fieldError(errors, 'description')} hint="What you have seen, where, and who it holds back." />
          <SelectField label="Category" required value={category} onChange={(event) => setCategory(event.target.value as BarrierCategory)} error={fieldError(errors, 'category')}>
            <option value="">Choose a category</option>
            {allBarrierCategories.map((value) => (
              <option key={value} value={value}>
                {barrierCategoryLabels[value]}
              </option>
            ))}
          </SelectField>
          <CheckboxGroup
            className="field--wide"
            legend="Who it affects"
            hint="The protected characteristics of the Equality Act 2010, socio-economic background, or other."
            options={allAffectedGroups.map((value) => ({ value, label: affectedGroupLabels[value] }))}
            value={groups}
            onChange={setGroups}
            error={fieldError(errors, 'affectedGroups')}
          />
          <EvidenceEditor items={evidence} onChange={setEvidence} errors={errors} />
          {!groupSessionId && (
            <RadioGroup<Attribution>
              className="field--wide"
              name="attribution"
              legend="Show who raised it?"
              options={[
                { value: 'NAMED', label: 'Named', hint: 'Everyone in the organisation sees that your pair raised it, once your partner agrees; until then it shows as anonymous.' },
                { value: 'ANONYMOUS', label: 'Anonymous', hint: 'Others see that a co-learning pair raised it, not which one.' },
              ]}
              value={attribution}
              onChange={setAttribution}
            />
          )}
          <div className="field--wide">
            <FormProblems userErrors={errors} problem={action.problem} />
            <div className="actions">
              <button type="submit" className="button button--primary" disabled={action.busy}>
                {action.busy ? 'Raising…' : 'Raise barrier'}
              </button>
              <Link to="/barriers" className="button button--link">
                Cancel
              </Link>
            </div>
          </div>
        </form>
      </section>
    </div>
  );
}
