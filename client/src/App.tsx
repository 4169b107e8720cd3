import { lazy, Suspense, type ComponentType } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { AppShell } from './components/AppShell';
import { ProblemMessage } from './components/ProblemMessage';
import { useViewer } from './hooks/useViewer';
import { NotFoundPage } from './routes/NotFoundPage';
import { SignInPage } from './routes/SignInPage';

/**
 * A page that loads as its own chunk, with its queries, the first time someone opens it: the
 * sign-in page and the home page come in the first download, the rest when needed.
 */
function lazyPage<Name extends string, Page extends ComponentType<any>>(load: () => Promise<Record<Name, Page>>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] }));
}

// The sign-in page is the only page in the first download; home (with the pair's cards) is a chunk of its own.
const HomePage = lazyPage(() => import('./routes/HomePage'), 'HomePage');
const AcceptInvitationPage = lazyPage(() => import('./routes/AcceptInvitationPage'), 'AcceptInvitationPage');
const RecoverAccountPage = lazyPage(() => import('./routes/RecoverAccountPage'), 'RecoverAccountPage');
const AccountPage = lazyPage(() => import('./routes/account/AccountPage'), 'AccountPage');
const EmailPreferencesPage = lazyPage(() => import('./routes/account/EmailPreferencesPage'), 'EmailPreferencesPage');
const OutboxPage = lazyPage(() => import('./routes/admin/OutboxPage'), 'OutboxPage');
const MembersPage = lazyPage(() => import('./routes/members/MembersPage'), 'MembersPage');
const SignInSettingsPage = lazyPage(() => import('./routes/organisation/SignInSettingsPage'), 'SignInSettingsPage');
const OrganisationsPage = lazyPage(() => import('./routes/OrganisationsPage'), 'OrganisationsPage');
const PairPage = lazyPage(() => import('./routes/pair/PairPage'), 'PairPage');
const BarriersPage = lazyPage(() => import('./routes/barriers/BarriersPage'), 'BarriersPage');
const BarrierPage = lazyPage(() => import('./routes/barriers/BarrierPage'), 'BarrierPage');
const RaiseBarrierPage = lazyPage(() => import('./routes/barriers/RaiseBarrierPage'), 'RaiseBarrierPage');
const ChangesPage = lazyPage(() => import('./routes/changes/ChangesPage'), 'ChangesPage');
const ChangePage = lazyPage(() => import('./routes/changes/ChangePage'), 'ChangePage');
const ProposeChangePage = lazyPage(() => import('./routes/changes/ProposeChangePage'), 'ProposeChangePage');
const DecisionsPage = lazyPage(() => import('./routes/decisions/DecisionsPage'), 'DecisionsPage');
const ProgrammesPage = lazyPage(() => import('./routes/programmes/ProgrammesPage'), 'ProgrammesPage');
const ProgrammePage = lazyPage(() => import('./routes/programmes/ProgrammePage'), 'ProgrammePage');
const MatchingAssistantPage = lazyPage(() => import('./routes/matching/MatchingAssistantPage'), 'MatchingAssistantPage');
const NotificationsPage = lazyPage(() => import('./routes/notifications/NotificationsPage'), 'NotificationsPage');
const LibraryPage = lazyPage(() => import('./routes/library/LibraryPage'), 'LibraryPage');
const ShareCasePage = lazyPage(() => import('./routes/library/ShareCasePage'), 'ShareCasePage');
const CasePage = lazyPage(() => import('./routes/library/CasePage'), 'CasePage');
const IdentifiersPage = lazyPage(() => import('./routes/library/IdentifiersPage'), 'IdentifiersPage');
// The charts (recharts) come only with Insight.
const DashboardPage = lazyPage(() => import('./routes/insight/DashboardPage'), 'DashboardPage');
const BoardReportPage = lazyPage(() => import('./routes/insight/BoardReportPage'), 'BoardReportPage');
const QuestionnairesPage = lazyPage(() => import('./routes/insight/QuestionnairesPage'), 'QuestionnairesPage');
const JournalPage = lazyPage(() => import('./routes/journal/JournalPage'), 'JournalPage');
const GroupSessionsPage = lazyPage(() => import('./routes/group-sessions/GroupSessionsPage'), 'GroupSessionsPage');

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/accept-invitation" element={<Suspense fallback={<Loading />}><AcceptInvitationPage /></Suspense>} />
      <Route path="/recover-account" element={<Suspense fallback={<Loading />}><RecoverAccountPage /></Suspense>} />
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
        <Route path="account" element={<AccountPage viewer={viewer} />} />
        <Route path="account/email" element={<EmailPreferencesPage />} />
        <Route path="members" element={<MembersPage viewer={viewer} />} />
        <Route path="organisations/:id/sign-in" element={<SignInSettingsPage />} />
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
        <Route path="programmes/:id/matching" element={<MatchingAssistantPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="library" element={<LibraryPage viewer={viewer} />} />
        <Route path="library/share" element={<ShareCasePage viewer={viewer} />} />
        <Route path="library/identifiers" element={<IdentifiersPage viewer={viewer} />} />
        <Route path="library/cases/:id" element={<CasePage viewer={viewer} />} />
        <Route path="insight" element={<DashboardPage viewer={viewer} />} />
        <Route path="insight/report" element={<BoardReportPage />} />
        <Route path="questionnaires" element={<QuestionnairesPage viewer={viewer} />} />
        <Route path="journal" element={<JournalPage />} />
        <Route path="group-sessions" element={<GroupSessionsPage viewer={viewer} />} />
        <Route path="admin/organisations" element={viewer.isPlatformAdmin ? <OrganisationsPage /> : <NotFoundPage />} />
        <Route path="admin/outbox" element={viewer.isPlatformAdmin ? <OutboxPage /> : <NotFoundPage />} />
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
