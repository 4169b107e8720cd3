import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../hooks/useSession';
import type { SignedInViewer } from '../hooks/useViewer';
import { Logo } from './Logo';
import { RoleBadges } from './RoleBadges';

interface NavItem {
  to: string;
  label: string;
}

/** The main sections; the ones not built yet lead to a short "coming soon" page. */
export const sections: NavItem[] = [
  { to: '/', label: 'Home' },
  { to: '/barriers', label: 'Barriers' },
  { to: '/changes', label: 'Changes' },
  { to: '/decisions', label: 'Decisions' },
  { to: '/library', label: 'Library' },
  { to: '/members', label: 'Members' },
];

/** Shown to those who use them: the dashboard to managers and owners, questionnaires to managers and co-learners. */
function sectionsFor(viewer: SignedInViewer): NavItem[] {
  const roles = viewer.memberships.flatMap((m) => m.roles);
  return [
    ...sections,
    ...(roles.includes('PROGRAMME_MANAGER') || roles.includes('OWNER') ? [{ to: '/insight', label: 'Insight' }] : []),
    ...(roles.includes('PROGRAMME_MANAGER') || roles.includes('CO_LEARNER') ? [{ to: '/questionnaires', label: 'Questionnaires' }] : []),
  ];
}

/** Header with who is signed in, the main navigation (a menu on narrow screens), and the page. */
export function AppShell({ viewer }: { viewer: SignedInViewer }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const { signOut, signingOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // A new page: close the menu and move focus to the content, as a full page load would.
  useEffect(() => {
    setMenuOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  async function handleSignOut() {
    navigate('/sign-in', { replace: true, state: { signedOut: true } });
    await signOut();
  }

  const items = viewer.isPlatformAdmin ? [...sectionsFor(viewer), { to: '/admin/organisations', label: 'Organisations' }] : sectionsFor(viewer);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <NavLink to="/" className="brand" aria-label="Common Ground, home">
            <Logo />
            <span className="brand__name">Common Ground</span>
          </NavLink>
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="app-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="menu-toggle__icon" aria-hidden="true" />
            {menuOpen ? 'Close' : 'Menu'}
          </button>
          <div id="app-menu" className={menuOpen ? 'app-menu app-menu--open' : 'app-menu'}>
            <div className="account">
              <div className="account__who">
                <span className="account__name">{viewer.person.displayName}</span>
                {viewer.organisation && <span className="account__org">{viewer.organisation.name}</span>}
              </div>
              <RoleBadges roles={viewer.roles} isPlatformAdmin={viewer.isPlatformAdmin} label="Your roles" />
              <button type="button" className="button button--quiet" onClick={handleSignOut} disabled={signingOut}>
                Sign out
              </button>
            </div>
            <nav className="main-nav" aria-label="Main">
              <ul>
                {items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === '/'} className="main-nav__link">
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>Common Ground · reciprocal mentoring that changes organisations</p>
      </footer>
    </div>
  );
}
