import { Link } from 'react-router';
import { useTitle } from '../hooks/useTitle';

export function NotFoundPage() {
  useTitle('Page not found');
  return (
    <div className="page">
      <div className="page-header">
        <h1>Page not found</h1>
      </div>
      <section className="card">
        <p>There is nothing at this address, or you do not have access to it.</p>
        <p>
          <Link to="/">Back to Home</Link>
        </p>
      </section>
    </div>
  );
}
