import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router-dom';
import './lib/format';
import { router } from './routes';
import { ApiError } from './api/errors';

// Colours darkened from Ant Design's defaults so that text passes WCAG AA contrast (axe-core checks it).
const THEME = {
  token: {
    colorPrimary: '#a31515',
    colorLink: '#0b4ea2',
    colorInfo: '#0b4ea2',
    colorSuccess: '#1f6f0b',
    colorWarning: '#8a4300',
    colorError: '#a8071a',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.6)',
    borderRadius: 4,
  },
};

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused request will be refused again; anything else gets one more try.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 1,
      staleTime: 5_000,
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={viVN} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
