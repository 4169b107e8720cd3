/** "Show more" under a list that continues on the server; says how many there are in all. */
export function ShowMore({ shown, total, loading, onMore, noun }: { shown: number; total: number; loading: boolean; onMore(): void; noun: string }) {
  if (shown >= total) return null;
  return (
    <div className="show-more">
      <p className="muted">
        Showing {shown} of {total} {noun}.
      </p>
      <button type="button" className="button button--secondary" onClick={onMore} disabled={loading}>
        {loading ? 'Loading…' : 'Show more'}
      </button>
    </div>
  );
}
