import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider, type LoaderFunctionArgs } from 'react-router';
import { catchUpDelay, retryWhileCatchingUp } from './api/retry';
import { NotFound, Shell } from './app/Shell';
import { AUTH_CALLBACK_PATH, ROUTES, SIGN_IN_PATH } from './app/routes';
import { fetchSession, SESSION_QUERY_KEY } from './app/session';
import { ErrorState, Loading } from './shared/states';
import './styles/app.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: retryWhileCatchingUp, retryDelay: catchUpDelay, staleTime: 5_000, refetchOnWindowFocus: false },
  },
});

// Who is signed in is asked at once, while the screen's code downloads, not after it (one round trip less before
// a screen can ask for its data; the shell reads the same query).
if (![SIGN_IN_PATH, AUTH_CALLBACK_PATH].some((path) => window.location.pathname.startsWith(`/app${path}`))) {
  void queryClient.prefetchQuery({ queryKey: SESSION_QUERY_KEY, queryFn: fetchSession, retry: false, staleTime: Infinity });
}

const router = createBrowserRouter(
  [
    {
      path: SIGN_IN_PATH,
      lazy: async () => ({ Component: (await import('./screens/sign-in/SignInScreen')).default }),
      hydrateFallbackElement: <Loading />,
    },
    {
      path: AUTH_CALLBACK_PATH,
      lazy: async () => ({ Component: (await import('./screens/auth-callback/AuthCallbackScreen')).default }),
      hydrateFallbackElement: <Loading />,
    },
    {
      element: <Shell />,
      errorElement: <ErrorState error={new Error('This page failed to load. Reload to try again.')} />,
      hydrateFallbackElement: <Loading />,
      children: [
        ...ROUTES.map((r) => ({
          path: r.path,
          handle: r,
          lazy: async () => ({ Component: (await r.load()).default }),
          // The screen's data requests start with the route, in parallel with its code and the session.
          loader: ({ params, request }: LoaderFunctionArgs) => {
            r.prefetch?.({ client: queryClient, params, search: new URL(request.url).search });
            return null;
          },
        })),
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
