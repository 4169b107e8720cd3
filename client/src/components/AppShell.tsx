import { Suspense, useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../hooks/useSession';
import { useUnreadCount } from '../hooks/useUnreadCount';
import type { SignedInViewer } from '../hooks/useViewer';
import { sectionInfo, sectionsFor } from '../routes/sections';
import { Logo } from './Logo';
import { PageErrorBoundary } from './PageErrorBoundary';
import { RoleBadges } from './RoleBadges';

interface NavItem {
  to: string;
  label: string;
}

/** Home, then the sections the viewer's roles call for (Decisions for owners, Programmes for managers). */
export function navItems(viewer: SignedInViewer): NavItem[] {
  const items: NavItem[] = [{ to: '/', label: 'Home' }, ...sectionsFor(viewer.roles).map((key) => ({ to: sectionInfo[key].path, label: sectionInfo[key].title }))];
  if (viewer.isPlatformAdmin) items.push({ to: '/admin/organisations', label: 'Organisations' }, { to: '/admin/outbox', label: 'Outbox' });
  return items;
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

  const items = navItems(viewer);
  const unread = useUnreadCount();

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
              <NavLink to="/account" className="account__who" title="Your account: password and sign-in">
                <span className="account__name">{viewer.person.displayName}</span>
                {viewer.organisation && <span className="account__org">{viewer.organisation.name}</span>}
              </NavLink>
              <RoleBadges roles={viewer.roles} isPlatformAdmin={viewer.isPlatformAdmin} label="Your roles" />
              <NavLink to="/notifications" className="notifications-link">
                <BellIcon />
                <span>Notifications</span>
                {unread > 0 ? (
                  <span className="notifications-link__count">
                    {unread}
                    <span className="visually-hidden"> unread</span>
                  </span>
                ) : (
                  <span className="visually-hidden">, none unread</span>
                )}
              </NavLink>
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
        {/* Pages load as their own chunks the first time someone opens them; the shell stays put meanwhile. */}
        <PageErrorBoundary key={location.pathname}>
          <Suspense fallback={<p className="loading" aria-busy="true">Loading…</p>}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </main>
      <footer className="app-footer">
        <p>Common Ground · reciprocal mentoring that changes organisations</p>
      </footer>
    </div>
  );
}

function BellIcon() {
  return (
    <svg className="notifications-link__icon" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}
