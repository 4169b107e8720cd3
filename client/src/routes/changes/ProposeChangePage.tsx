import { useMutation, useQuery } from '@apollo/client';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ProblemMessage } from '../../components/ProblemMessage';
import { BarrierStatusBadge } from '../../components/StatusBadge';
import { graphql } from '../../gql';
import { useFormAction } from '../../hooks/useFormAction';
import { useTitle } from '../../hooks/useTitle';
import { barrierCategoryLabels } from '../../labels';
import { ChangeForm, changeInput, emptyChange } from './ChangeForm';

const BarrierForChangeQuery = graphql(`
  query BarrierForChange($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Barrier {
        title
        description
        category
        status
        viewerCanProposeChange
        organisation {
          id
        }
      }
    }
  }
`);

const ProposeChangeMutation = graphql(`
  mutation ProposeChange($input: ProposeChangeInput!) {
    proposeChange(input: $input) {
      change {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** A pair proposes a change to a barrier and names the owner who will decide it. It starts as a draft. */
export function ProposeChangePage() {
  useTitle('Propose a change');
  const [params] = useSearchParams();
  const barrierId = params.get('barrier') ?? '';
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(BarrierForChangeQuery, { variables: { id: barrierId }, skip: !barrierId });
  const [propose] = useMutation(ProposeChangeMutation, { refetchQueries: ['Barrier', 'Changes', 'PairHome'] });
  const action = useFormAction();
  const barrier = data?.node?.__typename === 'Barrier' ? data.node : null;

  const header = (
    <div className="page-header">
      <p className="breadcrumb">
        <Link to="/changes">Changes</Link>
      </p>
      <h1>Propose a change</h1>
    </div>
  );

  if (!barrierId || (!loading && !barrier && !error)) {
    return (
      <div className="page">
        {header}
        <section className="card">
          <p>A change addresses a barrier. Open the barrier it is for and choose “Propose a change” there.</p>
          <p>
            <Link to="/barriers">Go to barriers</Link>
          </p>
        </section>
      </div>
    );
  }
  if (loading && !data) return <p className="loading">Loading…</p>;
  if (!barrier) return <ProblemMessage error={error!} onRetry={() => refetch()} />;

  return (
    <div className="page">
      {header}
      <section className="card card--accent" aria-labelledby="for-barrier-heading">
        <p className="eyebrow">For the barrier</p>
        <div className="title-row">
          <h2 id="for-barrier-heading">
            <Link to={`/barriers/${encodeURIComponent(barrier.id)}`}>{barrier.title}</Link>
          </h2>
          <BarrierStatusBadge status={barrier.status} />
        </div>
        <p className="muted">{barrierCategoryLabels[barrier.category]}</p>
      </section>
      {!barrier.viewerCanProposeChange ? (
        <section className="card">
          <p>You cannot propose a change to this barrier: changes are proposed by co-learners in an active pair, while the barrier is open.</p>
        </section>
      ) : (
        <section className="card" aria-labelledby="change-form-heading">
          <h2 id="change-form-heading">Your proposal</h2>
          <p className="muted">It is saved as a draft; you submit it to the owner when you are ready.</p>
          <ChangeForm
            organisationId={barrier.organisation.id}
            initial={emptyChange}
            submitLabel="Save draft"
            busyLabel="Saving…"
            busy={action.busy}
            userErrors={action.userErrors}
            problem={action.problem}
            onInvalid={action.fail}
            onSubmit={async (values) => {
              const payload = await action.run(() => propose({ variables: { input: { barrierId: barrier.id, ...changeInput(values) } } }), (result) => result.proposeChange);
              if (payload?.change) navigate(`/changes/${encodeURIComponent(payload.change.id)}`, { state: { flash: 'Your proposal is saved as a draft. Submit it to the owner when you are ready.' } });
            }}
          />
        </section>
      )}
    </div>
  );
}
