import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError } from './problem';

/**
 * The typed API client (openapi-fetch over the committed OpenAPI types). Same origin: the session travels in the
 * HttpOnly `ledger_session` cookie, which this code never sees.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

let unauthorized: () => void = () => {};
/** The shell sends the user to sign in when any call answers 401. */
export function onUnauthorized(handler: () => void): void {
  unauthorized = handler;
}
api.use({
  onResponse({ response }) {
    if (response.status === 401) unauthorized();
    return undefined;
  },
});

export interface Fetched<T> {
  data: T;
  /** The ETag (stream revision) a decision sends back as If-Match. */
  etag: string | null;
}

/** An openapi-fetch result → its body, or an ApiError (what queries and forms throw). */
export async function unwrap<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<Fetched<T>> {
  const { data, error, response } = await call;
  if (!response.ok) throw ApiError.from(response, error);
  return { data: data as T, etag: response.headers.get('ETag') };
}

/** `"7"` for revision 7: what If-Match carries. */
export const etagOf = (revision: number): string => `"${revision}"`;
