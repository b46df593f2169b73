import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { Loading } from './components/Loading.tsx';
import { PortalLayout } from './portal/PortalLayout.tsx';
import { PortalListPage } from './portal/PortalListPage.tsx';

// The portal list loads with the entry; everything behind a login (and the report page) is split out, so
// the public's first load carries neither the engine, the editor nor the charts.
const PortalReportPage = lazy(() => import('./portal/PortalReportPage.tsx'));
const OpenDataPage = lazy(() => import('./portal/OpenDataPage.tsx'));
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const AppShell = lazy(() => import('./shell/AppShell.tsx'));
const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));
const EvaluationsPage = lazy(() => import('./pages/EvaluationsPage.tsx'));
const EvaluationEditorPage = lazy(() => import('./editor/EvaluationEditorPage.tsx'));
const ReviewQueuePage = lazy(() => import('./review/ReviewQueuePage.tsx'));
const ReviewPage = lazy(() => import('./review/ReviewPage.tsx'));
const DashboardPage = lazy(() => import('./dashboard/DashboardPage.tsx'));
const BulkAuditPage = lazy(() => import('./bulk/BulkAuditPage.tsx'));
const FeedbackPage = lazy(() => import('./feedback/FeedbackPage.tsx'));
const AppealsPage = lazy(() => import('./appeals/AppealsPage.tsx'));
const PasswordPage = lazy(() => import('./pages/PasswordPage.tsx'));
const AccountsPage = lazy(() => import('./accounts/AccountsPage.tsx'));
const OrganizationsPage = lazy(() => import('./accounts/OrganizationsPage.tsx'));
const ResultApplicationPage = lazy(() => import('./result-application/ResultApplicationPage.tsx'));
const RectificationsPage = lazy(() => import('./rectification/RectificationsPage.tsx'));
const DeclarationsPage = lazy(() => import('./budget-year/DeclarationsPage.tsx'));
const DeclarationEditorPage = lazy(() => import('./budget-year/DeclarationEditorPage.tsx'));
const MonitoringPage = lazy(() => import('./budget-year/MonitoringPage.tsx'));
const MonitoringReportPage = lazy(() => import('./budget-year/MonitoringReportPage.tsx'));

const suspended = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

export const router = createBrowserRouter([
  {
    path: '/',
    element: <PortalLayout />,
    children: [
      { index: true, element: <PortalListPage /> },
      { path: 'reports/:id', element: suspended(<PortalReportPage />) },
      { path: 'open-data', element: suspended(<OpenDataPage />) },
    ],
  },
  { path: '/login', element: suspended(<LoginPage />) },
  {
    path: '/app',
    element: suspended(<AppShell />),
    children: [
      { index: true, element: suspended(<HomePage />) },
      { path: 'evaluations', element: suspended(<EvaluationsPage />) },
      { path: 'evaluations/:id', element: suspended(<EvaluationEditorPage />) },
      { path: 'review', element: suspended(<ReviewQueuePage />) },
      { path: 'review/:id', element: suspended(<ReviewPage />) },
      { path: 'dashboard', element: suspended(<DashboardPage />) },
      { path: 'result-application', element: suspended(<ResultApplicationPage />) },
      { path: 'bulk-audits', element: suspended(<BulkAuditPage />) },
      { path: 'bulk-audits/:id', element: suspended(<BulkAuditPage />) },
      { path: 'feedback', element: suspended(<FeedbackPage />) },
      { path: 'rectifications', element: suspended(<RectificationsPage />) },
      { path: 'declarations', element: suspended(<DeclarationsPage />) },
      { path: 'declarations/:id', element: suspended(<DeclarationEditorPage />) },
      { path: 'monitoring', element: suspended(<MonitoringPage />) },
      { path: 'monitoring/:id', element: suspended(<MonitoringReportPage />) },
      { path: 'appeals', element: suspended(<AppealsPage />) },
      { path: 'password', element: suspended(<PasswordPage />) },
      { path: 'accounts', element: suspended(<AccountsPage />) },
      { path: 'organizations', element: suspended(<OrganizationsPage />) },
    ],
  },
  { path: '*', element: suspended(<NotFoundPage />) },
]);
