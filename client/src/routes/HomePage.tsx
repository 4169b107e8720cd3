import { Link } from 'react-router';
import { RoleBadges } from '../components/RoleBadges';
import { useTitle } from '../hooks/useTitle';
import type { SignedInViewer } from '../hooks/useViewer';
import { roleDescriptions, sectorLabels } from '../labels';
import { sectionInfo, type SectionKey } from './sections';

const order: SectionKey[] = ['barriers', 'changes', 'decisions', 'library', 'members'];

export function HomePage({ viewer }: { viewer: SignedInViewer }) {
  useTitle('Home');
  const firstName = viewer.person.displayName.split(/\s+/)[0];
  const relevant = order.filter((key) => sectionInfo[key].forRoles.some((role) => viewer.roles.includes(role)));
  const others = viewer.memberships.filter((membership) => membership.organisation.id !== viewer.organisation?.id);

  return (
    <div className="page">
      <div className="page-header">
        <h1>Hello, {firstName}</h1>
        {viewer.organisation ? (
          <p className="page-header__sub">
            {viewer.organisation.name} · {sectorLabels[viewer.organisation.sector]}
          </p>
        ) : (
          <p className="page-header__sub">You are not a member of an organisation yet.</p>
        )}
      </div>

      {viewer.isPlatformAdmin && (
        <section className="card card--accent" aria-labelledby="admin-heading">
          <h2 id="admin-heading">Platform administration</h2>
          <p>Create an organisation and invite its first programme manager, who then invites everyone else.</p>
          <Link className="button button--primary" to="/admin/organisations">
            Manage organisations
          </Link>
        </section>
      )}

      {viewer.roles.length > 0 && (
        <section aria-labelledby="roles-heading" className="card">
          <h2 id="roles-heading">Your roles</h2>
          <RoleBadges roles={viewer.roles} label="Your roles here" />
          <ul className="plain-list">
            {viewer.roles.map((role) => (
              <li key={role}>{roleDescriptions[role]}</li>
            ))}
          </ul>
        </section>
      )}

      {relevant.length > 0 && (
        <section aria-labelledby="sections-heading">
          <h2 id="sections-heading">Where to go</h2>
          <ul className="tiles">
            {relevant.map((key) => {
              const info = sectionInfo[key];
              return (
                <li key={key} className="tile">
                  <h3>
                    <Link to={info.path}>{info.title}</Link>
                    {!info.ready && <span className="tag">Coming soon</span>}
                  </h3>
                  <p>{info.summary}</p>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {others.length > 0 && (
        <section aria-labelledby="orgs-heading" className="card">
          <h2 id="orgs-heading">Your other organisations</h2>
          <ul className="plain-list">
            {others.map((membership) => (
              <li key={membership.id}>
                <Link to={`/members?org=${encodeURIComponent(membership.organisation.id)}`}>{membership.organisation.name}</Link>{' '}
                <RoleBadges roles={membership.roles} label={`Your roles at ${membership.organisation.name}`} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
