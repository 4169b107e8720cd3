import { useMutation, useQuery } from '@apollo/client';
import { Link, useNavigate } from 'react-router';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ProgrammeStatusBadge } from '../../components/StatusBadge';
import { graphql } from '../../gql';
import { useFormAction } from '../../hooks/useFormAction';
import { useTitle } from '../../hooks/useTitle';
import type { SignedInViewer } from '../../hooks/useViewer';
import { cadenceLabels, formatDay, plural } from '../../labels';
import { NewProgramme } from './NewProgramme';
import { emptyProgramme, ProgrammeForm, programmeInput, type ProgrammeValues } from './ProgrammeFields';

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

function CreateProgrammeForm() {
  const navigate = useNavigate();
  const [create] = useMutation(CreateProgrammeMutation, { refetchQueries: ['Programmes'] });
  const action = useFormAction();

  async function save(values: ProgrammeValues) {
    const input = programmeInput(values);
    const payload = await action.run(() => create({ variables: { input: { ...input, description: input.description || null } } }), (data) => data.createProgramme);
    if (payload?.programme) navigate(`/programmes/${encodeURIComponent(payload.programme.id)}`, { state: { flash: 'The programme is planned. Match pairs, then start it.' } });
  }

  return <NewProgramme blankForm={<ProgrammeForm initial={emptyProgramme} action={action} save={save} submitLabel="Create programme" busyLabel="Creating…" />} />;
}
