import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as SubmissionsPaths } from './generated/submissions';
import type { paths as CouncilsPaths } from './generated/councils';
import type { paths as RecognitionPaths } from './generated/recognition';
import type { paths as ReportingPaths } from './generated/reporting';
import { getSession, signOut } from '../auth/session';
import { ApiError, errorMessage } from './errors';

/** The four services share the portal's origin, each under its own prefix (the gateway strips it). */
export const API_PREFIX = {
  submissions: '/api/submissions',
  councils: '/api/councils',
  recognition: '/api/recognition',
  reporting: '/api/reporting',
} as const;

const auth: Middleware = {
  onRequest({ request }) {
    const session = getSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    return request;
  },
  async onResponse({ response }) {
    if (response.ok) return response;
    let body: unknown;
    try {
      body = await response.clone().json();
    } catch {
      body = undefined;
    }
    if (response.status === 401 && getSession()) signOut();
    const code = body && typeof body === 'object' ? ((body as { code?: string }).code ?? undefined) : undefined;
    throw new ApiError(response.status, errorMessage(response.status, body), code);
  },
};

function client<P extends object>(baseUrl: string) {
  const c = createClient<P>({ baseUrl: new URL(baseUrl, window.location.origin).toString() });
  c.use(auth);
  return c;
}

export const api = {
  submissions: client<SubmissionsPaths>(API_PREFIX.submissions),
  councils: client<CouncilsPaths>(API_PREFIX.councils),
  recognition: client<RecognitionPaths>(API_PREFIX.recognition),
  reporting: client<ReportingPaths>(API_PREFIX.reporting),
};

/** Unwraps an openapi-fetch answer (errors were already thrown as ApiError by the middleware). */
export async function data<T = unknown>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const res = await call;
  return res.data as T;
}

/** A plain call for what the typed client cannot express (file downloads, uploads). */
export async function raw(context: keyof typeof API_PREFIX, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const session = getSession();
  if (session) headers.set('Authorization', `Bearer ${session.token}`);
  const res = await fetch(`${API_PREFIX[context]}${path}`, { ...init, headers });
  if (!res.ok) {
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    const b = body as { code?: string; details?: unknown } | undefined;
    throw new ApiError(res.status, errorMessage(res.status, body), b?.code, b?.details);
  }
  return res;
}
