import { useMutation, useQuery } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormProblems } from '../../components/FormProblems';
import { fieldError, SelectField, TextAreaField, TextField } from '../../components/forms';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ProgrammeStatusBadge } from '../../components/StatusBadge';
import { graphql } from '../../gql';
import type { Cadence } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';
import { useTitle } from '../../hooks/useTitle';
import type { SignedInViewer } from '../../hooks/useViewer';
import { allCadences, cadenceLabels, formatDay, plural } from '../../labels';

const ProgrammesQuery = graphql(`
  query Programmes {
    programmes(first: 50) {
      totalCount
      nodes {
        id
        name
        description
        status
        startsOn
        endsOn
        sessionCadence
        viewerCanManage
        organisation {
          id
          name
        }
        pairs(first: 1) {
          totalCount
        }
      }
    }
  }
`);

const CreateProgrammeMutation = graphql(`
  mutation CreateProgramme($input: CreateProgrammeInput!) {
    createProgramme(input: $input) {
      programme {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** For programme managers: their organisation's cohorts, and a form to plan a new one. */
export function ProgrammesPage({ viewer }: { viewer: SignedInViewer }) {
  useTitle('Programmes');
  const { data, loading, error, refetch } = useQuery(ProgrammesQuery);
  const programmes = data?.programmes.nodes ?? [];
  const isManager = viewer.roles.includes('PROGRAMME_MANAGER');

  return (
    <div className="page">
      <div className="page-header">
        <h1>Programmes</h1>
        <p className="page-header__sub">Cohorts of co-learning pairs, typically 6 to 12 months of monthly sessions.</p>
      </div>

      <section className="card" aria-labelledby="programmes-heading">
        <h2 id="programmes-heading">
          Cohorts {data && <span className="count">{data.programmes.totalCount}</span>}
        </h2>
        {loading && !data && <p className="loading">Loading programmes…</p>}
        {error && <ProblemMessage error={error} onRetry={() => refetch()} />}
        {data && programmes.length === 0 && <p className="muted">No programmes yet. Plan the first one below.</p>}
        {programmes.length > 0 && (
          <table className="table table--stack">
            <caption className="visually-hidden">Programmes</caption>
            <thead>
              <tr>
                <th scope="col">Programme</th>
                <th scope="col">Status</th>
                <th scope="col">Dates</th>
                <th scope="col">Sessions</th>
                <th scope="col">Pairs</th>
              </tr>
            </thead>
            <tbody>
              {programmes.map((programme) => (
                <tr key={programme.id}>
                  <th scope="row" data-label="Programme">
                    <Link className="person-name" to={`/programmes/${encodeURIComponent(programme.id)}`}>
                      {programme.name}
                    </Link>
                    {viewer.memberships.length > 1 && <span className="person-email">{programme.organisation.name}</span>}
                  </th>
                  <td data-label="Status">
                    <ProgrammeStatusBadge status={programme.status} />
                  </td>
                  <td data-label="Dates">
                    {formatDay(programme.startsOn)} to {formatDay(programme.endsOn)}
                  </td>
                  <td data-label="Sessions">{cadenceLabels[programme.sessionCadence]}</td>
                  <td data-label="Pairs">{plural(programme.pairs.totalCount, 'pair')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {isManager && <CreateProgrammeForm />}
    </div>
  );
}

const empty = { name: '', description: '', startsOn: '', endsOn: '' };

function CreateProgrammeForm() {
  const navigate = useNavigate();
  const [values, setValues] = useState(empty);
  const [cadence, setCadence] = useState<Cadence>('MONTHLY');
  const [create] = useMutation(CreateProgrammeMutation, { refetchQueries: ['Programmes'] });
  const action = useFormAction();
  const set = (key: keyof typeof empty) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = [];
    if (!values.name.trim()) problems.push({ field: ['input', 'name'], message: 'Give the programme a name.' });
    if (!values.startsOn) problems.push({ field: ['input', 'startsOn'], message: 'Choose the first day.' });
    if (!values.endsOn) problems.push({ field: ['input', 'endsOn'], message: 'Choose the last day.' });
    if (values.startsOn && values.endsOn && values.endsOn <= values.startsOn) problems.push({ field: ['input', 'endsOn'], message: 'The last day must be after the first.' });
    if (problems.length > 0) {
      action.fail(problems);
      return;
    }
    const payload = await action.run(
      () =>
        create({
          variables: { input: { name: values.name.trim(), description: values.description.trim() || null, startsOn: values.startsOn, endsOn: values.endsOn, sessionCadence: cadence } },
        }),
      (data) => data.createProgramme,
    );
    if (payload?.programme) navigate(`/programmes/${encodeURIComponent(payload.programme.id)}`, { state: { flash: 'The programme is planned. Match pairs, then start it.' } });
  }

  return (
    <section className="card" aria-labelledby="new-programme-heading">
      <h2 id="new-programme-heading">Plan a programme</h2>
      <form onSubmit={handleSubmit} noValidate className="form-grid">
        <TextField className="field--wide" label="Name" required value={values.name} onChange={set('name')} error={fieldError(action.userErrors, 'name')} placeholder="e.g. 2027 Reciprocal Mentoring Cohort" />
        <TextAreaField className="field--wide" label="Description" rows={2} value={values.description} onChange={set('description')} error={fieldError(action.userErrors, 'description')} />
        <TextField label="First day" type="date" required value={values.startsOn} onChange={set('startsOn')} error={fieldError(action.userErrors, 'startsOn')} />
        <TextField label="Last day" type="date" required value={values.endsOn} onChange={set('endsOn')} error={fieldError(action.userErrors, 'endsOn')} />
        <SelectField label="Sessions" value={cadence} onChange={(event) => setCadence(event.target.value as Cadence)}>
          {allCadences.map((value) => (
            <option key={value} value={value}>
              {cadenceLabels[value]}
            </option>
          ))}
        </SelectField>
        <div className="field--wide">
          <FormProblems userErrors={action.userErrors} problem={action.problem} />
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? 'Creating…' : 'Create programme'}
          </button>
        </div>
      </form>
    </section>
  );
}
