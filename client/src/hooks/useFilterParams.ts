import { useSearchParams } from 'react-router';

/**
 * A list's filters and order, kept in the address bar so a filtered list can be bookmarked and
 * shared. Changes replace the history entry: Back leaves the list rather than undoing a filter.
 */
export function useFilterParams() {
  const [params, setParams] = useSearchParams();

  /** Sets one filter; an empty value removes it. */
  function setParam(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  /** Removes every filter but the order. */
  function clearFilters() {
    const order = params.get('order');
    setParams(order ? { order } : {}, { replace: true });
  }

  return { params, setParam, clearFilters };
}
