import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server that replays recorded responses (the live importers' tests): each route answers its
 * replies in order (the last one repeats), including the failures a real API produces — a status with headers
 * (429 + Retry-After, 5xx), a connection dropped before the answer, a body cut off mid-way.
 */
export type Reply =
  | { status?: number; headers?: Record<string, string>; body?: unknown }
  | { drop: true }
  | { cut: unknown };

export interface Route {
  /** The request's path and query exactly (e.g. `/rest/api/2/status`), or a pattern. */
  path: string | RegExp;
  method?: string;
  replies: Reply[];
}

export interface ReplayServer {
  url: string;
  /** Every request received, in order. */
  requests: Array<{ method: string; url: string; headers: IncomingHttpHeaders }>;
  /** Requests no route matched (answered 404). */
  unmatched: string[];
  routes: Route[];
  close(): Promise<void>;
}

export async function startReplayServer(routes: Route[]): Promise<ReplayServer> {
  const requests: ReplayServer['requests'] = [];
  const unmatched: string[] = [];
  const served = new Map<Route, number>();
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push({ method: req.method ?? 'GET', url, headers: req.headers });
    const route = state.routes.find((r) => (r.method ?? 'GET') === req.method && (typeof r.path === 'string' ? r.path === url : r.path.test(url)));
    if (!route) {
      unmatched.push(`${req.method} ${url}`);
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"errorMessages":["not recorded"]}');
      return;
    }
    const n = served.get(route) ?? 0;
    served.set(route, n + 1);
    const reply = route.replies[Math.min(n, route.replies.length - 1)];
    if ('drop' in reply) {
      req.socket.destroy();
      return;
    }
    if ('cut' in reply) {
      const text = JSON.stringify(reply.cut);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      setTimeout(() => req.socket.destroy(), 5);
      return;
    }
    const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
    res.end(body);
  });
  const state = { routes };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    unmatched,
    get routes() {
      return state.routes;
    },
    set routes(r: Route[]) {
      state.routes = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
