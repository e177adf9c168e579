import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { catchUpDelay, retryWhileCatchingUp } from './api/retry';
import { NotFound, Shell } from './app/Shell';
import { ROUTES, SIGN_IN_PATH } from './app/routes';
import { ErrorState, Loading } from './shared/states';
import './styles/app.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: retryWhileCatchingUp, retryDelay: catchUpDelay, staleTime: 5_000, refetchOnWindowFocus: false },
  },
});

const router = createBrowserRouter(
  [
    {
      path: SIGN_IN_PATH,
      lazy: async () => ({ Component: (await import('./screens/sign-in/SignInScreen')).default }),
      hydrateFallbackElement: <Loading />,
    },
    {
      element: <Shell />,
      errorElement: <ErrorState error={new Error('This page failed to load. Reload to try again.')} />,
      hydrateFallbackElement: <Loading />,
      children: [
        ...ROUTES.map((r) => ({ path: r.path, handle: r, lazy: async () => ({ Component: (await r.load()).default }) })),
        { path: '*', element: <NotFound /> },
      ],
    },
  ],
  { basename: '/app' },
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
