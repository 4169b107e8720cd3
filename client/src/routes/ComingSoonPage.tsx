import { Link } from 'react-router';
import { useTitle } from '../hooks/useTitle';
import { sectionInfo, type SectionKey } from './sections';

/** A friendly placeholder for a section that is on its way. */
export function ComingSoonPage({ section }: { section: SectionKey }) {
  const info = sectionInfo[section];
  useTitle(info.title);
  return (
    <div className="page">
      <div className="page-header">
        <h1>{info.title}</h1>
      </div>
      <section className="card coming-soon">
        <p className="tag tag--large">Coming soon</p>
        <p>{info.summary}</p>
        <p>This part of Common Ground is being built. Until then, you can see who is in your organisation.</p>
        <p>
          <Link to="/members">Go to Members</Link> · <Link to="/">Back to Home</Link>
        </p>
      </section>
    </div>
  );
}
