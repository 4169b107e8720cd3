import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { AppShell } from './components/AppShell';
import { ProblemMessage } from './components/ProblemMessage';
import { useViewer } from './hooks/useViewer';
import { AcceptInvitationPage } from './routes/AcceptInvitationPage';
import { HomePage } from './routes/HomePage';
import { QuestionnairesPage } from './routes/insight/QuestionnairesPage';
import { MembersPage } from './routes/MembersPage';
import { NotFoundPage } from './routes/NotFoundPage';
import { OrganisationsPage } from './routes/OrganisationsPage';
import { CasePage } from './routes/library/CasePage';
import { LibraryPage } from './routes/library/LibraryPage';
import { ShareCasePage } from './routes/library/ShareCasePage';
import { SignInPage } from './routes/SignInPage';
import { BarrierPage } from './routes/barriers/BarrierPage';
import { BarriersPage } from './routes/barriers/BarriersPage';
import { RaiseBarrierPage } from './routes/barriers/RaiseBarrierPage';
import { ChangePage } from './routes/changes/ChangePage';
import { ChangesPage } from './routes/changes/ChangesPage';
import { ProposeChangePage } from './routes/changes/ProposeChangePage';
import { DecisionsPage } from './routes/decisions/DecisionsPage';
import { NotificationsPage } from './routes/notifications/NotificationsPage';
import { PairPage } from './routes/pair/PairPage';
import { ProgrammePage } from './routes/programmes/ProgrammePage';
import { ProgrammesPage } from './routes/programmes/ProgrammesPage';

// The charts (recharts) load only when someone opens Insight, keeping the first load small.
const DashboardPage = lazy(() => import('./routes/insight/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const BoardReportPage = lazy(() => import('./routes/insight/BoardReportPage').then((m) => ({ default: m.BoardReportPage })));

function Deferred({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="loading" aria-busy="true">Loading…</p>}>{children}</Suspense>;
}

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
      <Route path="*" element={<SignedInArea />} />
    </Routes>
  );
}

/** Everything behind sign-in: signed-out visitors are sent to the sign-in page and brought back after. */
function SignedInArea() {
  const { viewer, loading, error, refetch } = useViewer();
  const location = useLocation();

  if (loading) return <Loading />;
  if (error && !viewer) {
    return (
      <main className="centred-page" id="main">
        <ProblemMessage error={error} onRetry={() => refetch()} />
      </main>
    );
  }
  if (!viewer) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }

  return (
    <Routes>
      <Route element={<AppShell viewer={viewer} />}>
        <Route index element={<HomePage viewer={viewer} />} />
        <Route path="members" element={<MembersPage viewer={viewer} />} />
        <Route path="pair/:id" element={<PairPage viewer={viewer} />} />
        <Route path="barriers" element={<BarriersPage viewer={viewer} />} />
        <Route path="barriers/new" element={<RaiseBarrierPage />} />
        <Route path="barriers/:id" element={<BarrierPage />} />
        <Route path="changes" element={<ChangesPage viewer={viewer} />} />
        <Route path="changes/new" element={<ProposeChangePage />} />
        <Route path="changes/:id" element={<ChangePage />} />
        <Route path="decisions" element={<DecisionsPage />} />
        <Route path="programmes" element={<ProgrammesPage viewer={viewer} />} />
        <Route path="programmes/:id" element={<ProgrammePage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="library" element={<LibraryPage viewer={viewer} />} />
        <Route path="library/share" element={<ShareCasePage viewer={viewer} />} />
        <Route path="library/cases/:id" element={<CasePage viewer={viewer} />} />
        <Route path="insight" element={<Deferred><DashboardPage viewer={viewer} /></Deferred>} />
        <Route path="insight/report" element={<Deferred><BoardReportPage /></Deferred>} />
        <Route path="questionnaires" element={<QuestionnairesPage viewer={viewer} />} />
        <Route path="admin/organisations" element={viewer.isPlatformAdmin ? <OrganisationsPage /> : <NotFoundPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function Loading() {
  return (
    <div className="centred-page" aria-busy="true">
      <p className="loading">Loading Common Ground…</p>
    </div>
  );
}
