import { Navigate, Route, Routes, useLocation } from 'react-router';
import { AppShell } from './components/AppShell';
import { ProblemMessage } from './components/ProblemMessage';
import { useViewer } from './hooks/useViewer';
import { AcceptInvitationPage } from './routes/AcceptInvitationPage';
import { ComingSoonPage } from './routes/ComingSoonPage';
import { HomePage } from './routes/HomePage';
import { BoardReportPage } from './routes/insight/BoardReportPage';
import { DashboardPage } from './routes/insight/DashboardPage';
import { QuestionnairesPage } from './routes/insight/QuestionnairesPage';
import { MembersPage } from './routes/MembersPage';
import { NotFoundPage } from './routes/NotFoundPage';
import { OrganisationsPage } from './routes/OrganisationsPage';
import { SignInPage } from './routes/SignInPage';

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
        <Route path="insight" element={<DashboardPage viewer={viewer} />} />
        <Route path="insight/report" element={<BoardReportPage />} />
        <Route path="questionnaires" element={<QuestionnairesPage viewer={viewer} />} />
        <Route path="barriers" element={<ComingSoonPage section="barriers" />} />
        <Route path="changes" element={<ComingSoonPage section="changes" />} />
        <Route path="decisions" element={<ComingSoonPage section="decisions" />} />
        <Route path="library" element={<ComingSoonPage section="library" />} />
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
