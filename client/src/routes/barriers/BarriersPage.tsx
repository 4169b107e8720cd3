import { useQuery } from '@apollo/client';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { SelectField, TextField } from '../../components/forms';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ShowMore } from '../../components/ShowMore';
import { BarrierStatusBadge } from '../../components/StatusBadge';
import { graphql } from '../../gql';
import type { AffectedGroup, BarrierCategory, BarrierFilter, BarrierOrder, BarrierStatus } from '../../gql/graphql';
import { useShowMore } from '../../hooks/useShowMore';
import { useFilterParams } from '../../hooks/useFilterParams';
import { useTitle } from '../../hooks/useTitle';
import type { SignedInViewer } from '../../hooks/useViewer';
import {
  affectedGroupLabels,
  allAffectedGroups,
  allBarrierCategories,
  allBarrierStatuses,
  barrierCategoryLabels,
  barrierOrderLabels,
  barrierStatusLabels,
  formatDate,
  plural,
} from '../../labels';

export const BarrierSummaryFields = graphql(`
  fragment BarrierSummary on Barrier {
    id
    title
    category
    affectedGroups
    status
    attribution
    createdAt
    corroboratingPairCount
    corroboratingDivisionCount
    raisedByViewersPair
    raisedForSet {
      title
    }
    changes {
      id
      status
    }
  }
`);

const BarriersQuery = graphql(`
  query Barriers($filter: BarrierFilter, $orderBy: BarrierOrder!, $after: String) {
    barriers(filter: $filter, orderBy: $orderBy, first: 20, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...BarrierSummary
        }
      }
    }
  }
`);

const orders = Object.keys(barrierOrderLabels) as BarrierOrder[];

/** The organisation's barriers, filtered by what is in the address bar so a filtered list can be shared. */
export function BarriersPage({ viewer }: { viewer: SignedInViewer }) {
  useTitle('Barriers');
  const { params, setParam, clearFilters } = useFilterParams();
  const status = params.get('status') as BarrierStatus | null;
  const category = params.get('category') as BarrierCategory | null;
  const group = params.get('group') as AffectedGroup | null;
  const search = params.get('q') ?? '';
  const orderBy = (params.get('order') as BarrierOrder | null) ?? 'NEWEST';
  const [searchText, setSearchText] = useState(search);
  useEffect(() => setSearchText(search), [search]);

  const filter: BarrierFilter = {
    ...(status ? { status: [status] } : {}),
    ...(category ? { category: [category] } : {}),
    ...(group ? { affectedGroup: [group] } : {}),
    ...(search ? { search } : {}),
  };
  const { data, loading, error, refetch, fetchMore } = useQuery(BarriersQuery, { variables: { filter, orderBy }, notifyOnNetworkStatusChange: true });
  const { loadingMore, more } = useShowMore(data?.barriers.pageInfo.endCursor, fetchMore);

  function handleSearch(event: FormEvent) {
    event.preventDefault();
    setParam('q', searchText.trim());
  }

  const barriers = data?.barriers.edges.map((edge) => edge.node) ?? [];
  const filtered = Boolean(status || category || group || search);
  const canRaise = viewer.roles.includes('CO_LEARNER');

  return (
    <div className="page">
      <div className="page-header page-header--split">
        <div>
          <h1>Barriers</h1>
          <p className="page-header__sub">What stands in the way of equality in {viewer.organisation?.name ?? 'your organisation'}, with the evidence.</p>
        </div>
        {canRaise && (
          <Link className="button button--primary" to="/barriers/new">
            Raise a barrier
          </Link>
        )}
      </div>

      <section className="card filters" aria-labelledby="barrier-filters-heading">
        <h2 id="barrier-filters-heading" className="visually-hidden">
          Filter barriers
        </h2>
        <form role="search" aria-label="Barriers" onSubmit={handleSearch} className="filters__search">
          <TextField label="Search" type="search" placeholder="Words in the title or description" value={searchText} onChange={(event) => setSearchText(event.target.value)} plain />
          <button type="submit" className="button button--secondary">
            Search
          </button>
        </form>
        <div className="filters__grid">
          <SelectField label="Status" value={status ?? ''} onChange={(event) => setParam('status', event.target.value)}>
            <option value="">Any status</option>
            {allBarrierStatuses.map((value) => (
              <option key={value} value={value}>
                {barrierStatusLabels[value]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Category" value={category ?? ''} onChange={(event) => setParam('category', event.target.value)}>
            <option value="">Any category</option>
            {allBarrierCategories.map((value) => (
              <option key={value} value={value}>
                {barrierCategoryLabels[value]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Affected group" value={group ?? ''} onChange={(event) => setParam('group', event.target.value)}>
            <option value="">Any group</option>
            {allAffectedGroups.map((value) => (
              <option key={value} value={value}>
                {affectedGroupLabels[value]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Order" value={orderBy} onChange={(event) => setParam('order', event.target.value === 'NEWEST' ? '' : event.target.value)}>
            {orders.map((value) => (
              <option key={value} value={value}>
                {barrierOrderLabels[value]}
              </option>
            ))}
          </SelectField>
        </div>
        {filtered && (
          <button type="button" className="button button--link" onClick={clearFilters}>
            Clear filters
          </button>
        )}
      </section>

      <section aria-labelledby="barrier-results-heading" aria-busy={loading}>
        <h2 id="barrier-results-heading" className="results-heading" aria-live="polite">
          {data ? plural(data.barriers.totalCount, filtered ? 'matching barrier' : 'barrier') : 'Barriers'}
        </h2>
        {error && <ProblemMessage error={error} onRetry={() => refetch()} />}
        {loading && !data && <p className="loading">Loading barriers…</p>}
        {data && barriers.length === 0 && (
          <div className="card empty">
            <p>{filtered ? 'No barrier matches these filters.' : 'No barriers have been raised yet.'}</p>
            {canRaise && !filtered && <Link to="/barriers/new">Raise the first one</Link>}
          </div>
        )}
        <ul className="item-list">
          {barriers.map((barrier) => (
            <li key={barrier.id}>
              <BarrierCard barrier={barrier} />
            </li>
          ))}
        </ul>
        {data && <ShowMore shown={barriers.length} total={data.barriers.totalCount} loading={loadingMore} onMore={more} noun="barriers" />}
      </section>
    </div>
  );
}

interface BarrierCardData {
  id: string;
  title: string;
  category: BarrierCategory;
  affectedGroups: AffectedGroup[];
  status: BarrierStatus;
  createdAt: string;
  corroboratingPairCount: number;
  corroboratingDivisionCount: number;
  raisedByViewersPair: boolean;
  raisedForSet?: { title: string } | null;
  changes: { id: string }[];
}

/** One barrier in a list: what it is, where it stands, how widely it is seen. */
export function BarrierCard({ barrier, headingLevel = 3 }: { barrier: BarrierCardData; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <article className="item">
      <div className="item__top">
        <Heading className="item__title">
          <Link to={`/barriers/${encodeURIComponent(barrier.id)}`}>{barrier.title}</Link>
        </Heading>
        <BarrierStatusBadge status={barrier.status} />
      </div>
      <ul className="chips" aria-label="Category and affected groups">
        <li className="chip chip--category">{barrierCategoryLabels[barrier.category]}</li>
        {barrier.affectedGroups.map((group) => (
          <li key={group} className="chip">
            {affectedGroupLabels[group]}
          </li>
        ))}
      </ul>
      <p className="item__meta">
        {barrier.corroboratingPairCount > 0 ? (
          <span>
            Also seen by {plural(barrier.corroboratingPairCount, 'other pair')}
            {barrier.corroboratingDivisionCount > 0 && ` in ${plural(barrier.corroboratingDivisionCount, 'division')}`}
          </span>
        ) : (
          <span>Not corroborated yet</span>
        )}
        <span>{plural(barrier.changes.length, 'change')}</span>
        <span>Raised {formatDate(barrier.createdAt)}</span>
        {barrier.raisedForSet && <span>For the set “{barrier.raisedForSet.title}”</span>}
        {barrier.raisedByViewersPair && <span className="item__mine">Raised by your pair</span>}
      </p>
    </article>
  );
}
