import { useQuery } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ProblemMessage } from '../../components/ProblemMessage';
import { graphql } from '../../gql';
import type { SharedCaseFilter } from '../../gql/graphql';
import { useTitle } from '../../hooks/useTitle';
import type { SignedInViewer } from '../../hooks/useViewer';
import { sectorLabels } from '../../labels';
import { categoryLabels, groupLabels, outcomeLabels } from './labels';

export const LibrarySearchQuery = graphql(`
  query LibrarySearch($search: String, $filter: SharedCaseFilter, $first: Int!, $after: String) {
    sharedCases(search: $search, filter: $filter, first: $first, after: $after) {
      totalCount
      totalCountIsEstimate
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        id
        title
        summary
        sector
        organisationName
        category
        affectedGroups
        outcome
        tags
        publishedAt
        endorsementCount
        adaptationCount
      }
      facets {
        estimated
        sectors { value count selected }
        categories { value count selected }
        affectedGroups { value count selected }
        outcomes { value count selected }
      }
    }
  }
`);

const PAGE_SIZE = 10;

/**
 * A count as a reader should take it. For a search matching thousands of cases the server
 * estimates counts from a sample: they are rounded to two significant figures, and a value the
 * sample missed shows "few" rather than 0, so it stays on offer.
 */
function rounded(count: number, estimated: boolean): string {
  if (!estimated) return count.toLocaleString('en-GB');
  return count === 0 ? 'few' : Number(count.toPrecision(2)).toLocaleString('en-GB');
}
type Dimension = 'sectors' | 'categories' | 'affectedGroups' | 'outcomes';
const dimensions: { key: Dimension; title: string; param: string; labels: Record<string, string> }[] = [
  { key: 'categories', title: 'Category', param: 'category', labels: categoryLabels },
  { key: 'sectors', title: 'Sector', param: 'sector', labels: sectorLabels },
  { key: 'affectedGroups', title: 'Affected group', param: 'group', labels: groupLabels },
  { key: 'outcomes', title: 'Outcome', param: 'outcome', labels: outcomeLabels },
];

/** The community library: search, filters with counts, result cards; the query and filters live in the address. */
export function LibraryPage({ viewer }: { viewer: SignedInViewer }) {
  // Co-learners start cases from their barriers; managers review them there. Others only read.
  const canShare = viewer.roles.includes('CO_LEARNER') || viewer.roles.includes('PROGRAMME_MANAGER');
  useTitle('Library');
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const filter: SharedCaseFilter = Object.fromEntries(dimensions.map((d) => [d.key, params.getAll(d.param)]).filter(([, v]) => v.length));
  const [draft, setDraft] = useState(search);
  const { data, loading, error, refetch, fetchMore } = useQuery(LibrarySearchQuery, {
    variables: { search: search || null, filter, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (draft.trim()) next.set('q', draft.trim());
    else next.delete('q');
    setParams(next);
  };
  const toggle = (param: string, value: string) => {
    const next = new URLSearchParams(params);
    const values = next.getAll(param);
    next.delete(param);
    for (const v of values.includes(value) ? values.filter((x) => x !== value) : [...values, value]) next.append(param, v);
    setParams(next);
  };
  const clear = () => {
    setDraft('');
    setParams(new URLSearchParams());
  };

  const library = data?.sharedCases;
  return (
    <div className="page">
      <div className="page-header page-header--split">
        <div>
          <h1>Library</h1>
          <p className="page-header__sub">What other organisations changed, and what happened. Every case is anonymised and approved before it appears here.</p>
        </div>
        {canShare && (
          <div className="actions">
            <Link className="button button--secondary" to="/library/share">
              {viewer.roles.includes('CO_LEARNER') ? 'Share a case' : 'Cases to review'}
            </Link>
            {viewer.roles.includes('PROGRAMME_MANAGER') && (
              <Link className="button button--quiet" to="/library/identifiers">
                What identifies us
              </Link>
            )}
          </div>
        )}
      </div>

      <form className="library-search" role="search" onSubmit={submit}>
        <label htmlFor="library-search" className="visually-hidden">
          Search the library
        </label>
        <input
          id="library-search"
          type="search"
          placeholder='Search, e.g. shortlisting panels, "flexible working"'
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button className="button button--primary" type="submit">
          Search
        </button>
      </form>

      <div className="library">
        <aside className="library__facets" aria-label="Filters">
          {library?.facets.estimated && <p className="facets__note muted">Counts are estimated from a sample of the matching cases.</p>}
          {dimensions.map((dimension) => (
            <fieldset key={dimension.key} className="facet">
              <legend>{dimension.title}</legend>
              {(library?.facets[dimension.key] ?? [])
                .filter((f) => f.count > 0 || f.selected || library?.facets.estimated)
                .map((f) => (
                  <label key={f.value} className="facet__option">
                    <input type="checkbox" checked={f.selected} onChange={() => toggle(dimension.param, f.value)} />
                    <span>{dimension.labels[f.value] ?? f.value}</span>
                    <span className="count">{rounded(f.count, library?.facets.estimated ?? false)}</span>
                  </label>
                ))}
            </fieldset>
          ))}
          {(search || Object.keys(filter).length > 0) && (
            <button type="button" className="button button--quiet button--small" onClick={clear}>
              Clear search and filters
            </button>
          )}
        </aside>

        <section className="library__results" aria-labelledby="results-heading" aria-busy={loading}>
          <h2 id="results-heading" className="library__count">
            {library
              ? `${library.totalCountIsEstimate ? 'about ' : ''}${rounded(library.totalCount, library.totalCountIsEstimate)} ${library.totalCount === 1 ? 'case' : 'cases'}`
              : 'Cases'}
            {search && <span className="muted"> for “{search}”</span>}
          </h2>
          {error && <ProblemMessage error={error} onRetry={() => refetch()} />}
          {loading && !library && <p className="loading">Searching the library…</p>}
          {library && library.nodes.length === 0 && <p className="card">No published case matches. Try fewer words or fewer filters.</p>}
          <ol className="case-cards">
            {library?.nodes.map((c) => (
              <li key={c.id} className="card case-card">
                <p className="case-card__meta">
                  <span className={`tag outcome outcome--${c.outcome.toLowerCase()}`}>{outcomeLabels[c.outcome]}</span>
                  <span>{categoryLabels[c.category]}</span>
                  <span>{c.organisationName ?? sectorLabels[c.sector]}</span>
                </p>
                <h3>
                  <Link to={`/library/cases/${encodeURIComponent(c.id)}`}>{c.title}</Link>
                </h3>
                <p className="case-card__summary">{c.summary.split('\n')[0]}</p>
                <p className="case-card__foot muted">
                  {c.affectedGroups.map((g) => groupLabels[g]).join(' · ')}
                  {' — '}
                  {c.endorsementCount} {c.endorsementCount === 1 ? 'endorsement' : 'endorsements'} · adapted in {c.adaptationCount}{' '}
                  {c.adaptationCount === 1 ? 'organisation' : 'organisations'}
                </p>
              </li>
            ))}
          </ol>
          {library?.pageInfo.hasNextPage && (
            <button
              type="button"
              className="button button--secondary"
              disabled={loading}
              onClick={() =>
                fetchMore({
                  variables: { after: library.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    sharedCases: { ...fetchMoreResult.sharedCases, nodes: [...previous.sharedCases.nodes, ...fetchMoreResult.sharedCases.nodes] },
                  }),
                })
              }
            >
              Show more cases
            </button>
          )}
        </section>
      </div>
    </div>
  );
}
