import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError, setUnauthorizedHandler } from './api';
import { AppShell } from './components/AppShell';
import { AuditPage } from './pages/AuditPage';
import { DirectiveEditPage } from './pages/DirectiveEditPage';
import { DirectiveNewPage } from './pages/DirectiveNewPage';
import { DirectivesPage } from './pages/DirectivesPage';
import { EngagementEditPage } from './pages/EngagementEditPage';
import { EngagementNewPage } from './pages/EngagementNewPage';
import { EngagementPage } from './pages/EngagementPage';
import { EngagementsPage } from './pages/EngagementsPage';
import { HomePage } from './pages/HomePage';
import { MePage } from './pages/MePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { SignInPage } from './pages/SignInPage';
import { UserPage } from './pages/UserPage';
import { UsersPage } from './pages/UsersPage';
import { endSession } from './session';
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
      { path: 'posts', lazy: async () => ({ Component: (await import('./pages/PostsPage')).PostsPage }) },
      { path: 'directives', element: <DirectivesPage /> },
      { path: 'directives/new', element: <DirectiveNewPage /> },
      { path: 'directives/:id', lazy: async () => ({ Component: (await import('./pages/DirectivePage')).DirectivePage }) },
      { path: 'directives/:id/edit', element: <DirectiveEditPage /> },
      { path: 'engagements', element: <EngagementsPage /> },
      { path: 'engagements/new', element: <EngagementNewPage /> },
      { path: 'engagements/:id', element: <EngagementPage /> },
      { path: 'engagements/:id/edit', element: <EngagementEditPage /> },
      { path: 'dashboard', lazy: async () => ({ Component: (await import('./pages/DashboardPage')).DashboardPage }) },
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
