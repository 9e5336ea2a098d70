import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { Shell } from './layout/Shell';
import { getSession } from './auth/session';
import { homeFor } from './auth/roles';
import { NotFound } from './lib/ui';

// One chunk per role's area: a person downloads only the pages of the area they open.
const LoginPage = lazy(() => import('./auth/LoginPage'));
const OidcCallbackPage = lazy(() => import('./auth/OidcCallbackPage'));
const UnitArea = lazy(() => import('./areas/unit/UnitArea'));
const AgencyArea = lazy(() => import('./areas/agency/AgencyArea'));
const CouncilArea = lazy(() => import('./areas/council/CouncilArea'));
const MemberArea = lazy(() => import('./areas/member/MemberArea'));
const RecognitionArea = lazy(() => import('./areas/recognition/RecognitionArea'));
const ReportingArea = lazy(() => import('./areas/reporting/ReportingArea'));
const AuditArea = lazy(() => import('./areas/audit/AuditArea'));
const ShowcasePage = lazy(() => import('./areas/public/ShowcasePage'));
const VerifyPage = lazy(() => import('./areas/public/VerifyPage'));
const AwardHistoryPage = lazy(() => import('./areas/lookup/AwardHistoryPage'));
const InnovationsPage = lazy(() => import('./areas/lookup/InnovationsPage'));
const NotificationsArea = lazy(() => import('./areas/notifications/NotificationsPage'));
const ProgressPage = lazy(() => import('./areas/progress/ProgressPage'));

function Home() {
  const session = getSession();
  return <Navigate to={session ? homeFor(session.user.role) : '/dang-nhap'} replace />;
}

export const router = createBrowserRouter([
  { path: '/', element: <Home /> },
  { path: '/dang-nhap', element: <LoginPage /> },
  { path: '/dang-nhap/callback', element: <OidcCallbackPage /> },
  {
    element: <Shell publicPage />,
    children: [
      { path: '/cong-khai', element: <ShowcasePage /> },
      { path: '/xac-minh/:documentId', element: <VerifyPage /> },
    ],
  },
  {
    element: <Shell />,
    children: [
      { path: '/don-vi/*', element: <UnitArea /> },
      { path: '/tiep-nhan/*', element: <AgencyArea /> },
      { path: '/hoi-dong/*', element: <CouncilArea /> },
      { path: '/tham-dinh/*', element: <MemberArea /> },
      { path: '/khen-thuong/*', element: <RecognitionArea /> },
      { path: '/bao-cao/*', element: <ReportingArea /> },
      { path: '/kiem-tra/*', element: <AuditArea /> },
      { path: '/lich-su-khen-thuong', element: <AwardHistoryPage /> },
      { path: '/sang-kien', element: <InnovationsPage /> },
      { path: '/thong-bao/*', element: <NotificationsArea /> },
      { path: '/toan-canh', element: <ProgressPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
