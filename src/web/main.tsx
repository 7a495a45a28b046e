import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError, setUnauthorizedHandler } from './ui/api';
import { AppShell } from './ui/AppShell';
import { HomePage } from './ui/HomePage';
import { NotFoundPage } from './ui/NotFoundPage';
import { endSession } from './ui/session';
import { AuditPage } from './audit/AuditPage';
import { DirectiveEditPage } from './directives/DirectiveEditPage';
import { DirectiveNewPage } from './directives/DirectiveNewPage';
import { DirectivesPage } from './directives/DirectivesPage';
import { EngagementEditPage } from './engagements/EngagementEditPage';
import { EngagementNewPage } from './engagements/EngagementNewPage';
import { EngagementPage } from './engagements/EngagementPage';
import { EngagementsPage } from './engagements/EngagementsPage';
import { MePage } from './identity/MePage';
import { SignInPage } from './identity/SignInPage';
import { UserPage } from './identity/UserPage';
import { UsersPage } from './identity/UsersPage';
import { NotificationsPage } from './notifications/NotificationsPage';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      // A client error (not signed in, not allowed, not found) will not change by asking again.
      retry: (failures, error) => failures < 1 && !(error instanceof ApiError && error.status < 500),
    },
  },
});

// The session ended (expired, or signed out elsewhere): forget it, and the shell sends the
// user to sign in, keeping the page they were on.
setUnauthorizedHandler(() => endSession(queryClient));

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: <HomePage /> },
      // Pages with charts and maps load ECharts and the world shapes when first opened.
      { path: 'posts', lazy: async () => ({ Component: (await import('./reference/PostsPage')).PostsPage }) },
      { path: 'posts/map', lazy: async () => ({ Component: (await import('./reference/PostsMapPage')).PostsMapPage }) },
      { path: 'posts/:code', lazy: async () => ({ Component: (await import('./reference/PostPage')).PostPage }) },
      { path: 'directives', element: <DirectivesPage /> },
      { path: 'directives/new', element: <DirectiveNewPage /> },
      { path: 'directives/:id', lazy: async () => ({ Component: (await import('./directives/DirectivePage')).DirectivePage }) },
      { path: 'directives/:id/edit', element: <DirectiveEditPage /> },
      { path: 'engagements', element: <EngagementsPage /> },
      { path: 'engagements/new', element: <EngagementNewPage /> },
      { path: 'engagements/:id', element: <EngagementPage /> },
      { path: 'engagements/:id/edit', element: <EngagementEditPage /> },
      { path: 'contacts', lazy: async () => ({ Component: (await import('./contacts/ContactsPage')).ContactsPage }) },
      { path: 'contacts/new', lazy: async () => ({ Component: (await import('./contacts/ContactNewPage')).ContactNewPage }) },
      { path: 'contacts/:id', lazy: async () => ({ Component: (await import('./contacts/ContactPage')).ContactPage }) },
      { path: 'contacts/:id/edit', lazy: async () => ({ Component: (await import('./contacts/ContactEditPage')).ContactEditPage }) },
      { path: 'contacts/:id/merge', lazy: async () => ({ Component: (await import('./contacts/ContactMergePage')).ContactMergePage }) },
      // The incident pages load when first opened, keeping their forms, pickers and panels out of the first page load.
      { path: 'incidents', lazy: async () => ({ Component: (await import('./incidents/IncidentsPage')).IncidentsPage }) },
      { path: 'incidents/new', lazy: async () => ({ Component: (await import('./incidents/IncidentNewPage')).IncidentNewPage }) },
      { path: 'incidents/import', lazy: async () => ({ Component: (await import('./incidents/IncidentImportPage')).IncidentImportPage }) },
      { path: 'incidents/triage', lazy: async () => ({ Component: (await import('./incidents/IncidentTriagePage')).IncidentTriagePage }) },
      { path: 'incidents/map', lazy: async () => ({ Component: (await import('./incidents/IncidentMapPage')).IncidentMapPage }) },
      { path: 'incidents/:id', lazy: async () => ({ Component: (await import('./incidents/IncidentPage')).IncidentPage }) },
      { path: 'incidents/:id/edit', lazy: async () => ({ Component: (await import('./incidents/IncidentEditPage')).IncidentEditPage }) },
      { path: 'evidence', lazy: async () => ({ Component: (await import('./evidence/EvidencePage')).EvidencePage }) },
      { path: 'statistics/import', lazy: async () => ({ Component: (await import('./statistics/StatisticsImportPage')).StatisticsImportPage }) },
      // The agreement pages load when first opened (the board's drag and drop, the map's ECharts).
      { path: 'agreements', lazy: async () => ({ Component: (await import('./agreements/AgreementBoardPage')).AgreementBoardPage }) },
      { path: 'agreements/table', lazy: async () => ({ Component: (await import('./agreements/AgreementTablePage')).AgreementTablePage }) },
      { path: 'agreements/map', lazy: async () => ({ Component: (await import('./agreements/AgreementMapPage')).AgreementMapPage }) },
      { path: 'agreements/new', lazy: async () => ({ Component: (await import('./agreements/AgreementNewPage')).AgreementNewPage }) },
      { path: 'agreements/:id', lazy: async () => ({ Component: (await import('./agreements/AgreementPage')).AgreementPage }) },
      { path: 'agreements/:id/edit', lazy: async () => ({ Component: (await import('./agreements/AgreementEditPage')).AgreementEditPage }) },
      // Policy measures and assessments load when first opened (the map brings ECharts and the world shapes).
      { path: 'policy/measures', lazy: async () => ({ Component: (await import('./policy/MeasuresPage')).MeasuresPage }) },
      { path: 'policy/measures/new', lazy: async () => ({ Component: (await import('./policy/MeasureNewPage')).MeasureNewPage }) },
      { path: 'policy/measures/:id', lazy: async () => ({ Component: (await import('./policy/MeasurePage')).MeasurePage }) },
      { path: 'policy/measures/:id/edit', lazy: async () => ({ Component: (await import('./policy/MeasureEditPage')).MeasureEditPage }) },
      { path: 'policy/assessments', lazy: async () => ({ Component: (await import('./policy/AssessmentsPage')).AssessmentsPage }) },
      { path: 'policy/assessments/:id', lazy: async () => ({ Component: (await import('./policy/AssessmentPage')).AssessmentPage }) },
      { path: 'policy/assessments/:id/edit', lazy: async () => ({ Component: (await import('./policy/AssessmentEditPage')).AssessmentEditPage }) },
      { path: 'policy/map', lazy: async () => ({ Component: (await import('./policy/PolicyMapPage')).PolicyMapPage }) },
      { path: 'dashboard', lazy: async () => ({ Component: (await import('./cadence/DashboardPage')).DashboardPage }) },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'me', element: <MePage /> },
      { path: 'admin/users', element: <UsersPage /> },
      { path: 'admin/users/:id', element: <UserPage /> },
      { path: 'admin/audit', element: <AuditPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
