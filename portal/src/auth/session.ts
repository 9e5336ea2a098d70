import { useSyncExternalStore } from 'react';

/** Who is signed in, read from the token's claims (the platform's claim names, see libs/identity). */
export interface SessionUser {
  sub: string;
  name: string;
  role: string;
  unitId: string;
  level: string;
  unitPath: string[];
}

export interface Session {
  token: string;
  user: SessionUser;
  expiresAt: number;
}

// sessionStorage: the token lives as long as the tab, never in a URL, never in localStorage.
const KEY = 'cem.session';
let current: Session | null = load();
const listeners = new Set<() => void>();

function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    return session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

function decodePayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const json = decodeURIComponent(
    Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''),
  );
  return JSON.parse(json) as Record<string, unknown>;
}

export function sessionFromToken(token: string): Session {
  const claims = decodePayload(token);
  const unitPath = Array.isArray(claims.unit_path) ? (claims.unit_path as string[]) : [];
  return {
    token,
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + 3600_000,
    user: {
      sub: String(claims.sub ?? ''),
      name: String(claims.name ?? claims.preferred_username ?? claims.sub ?? ''),
      role: String(claims.role ?? ''),
      unitId: String(claims.unit_id ?? ''),
      level: String(claims.level ?? ''),
      unitPath,
    },
  };
}

export function signIn(token: string): Session {
  current = sessionFromToken(token);
  sessionStorage.setItem(KEY, JSON.stringify(current));
  listeners.forEach((l) => l());
  return current;
}

export function signOut(): void {
  current = null;
  sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

export function getSession(): Session | null {
  if (current && current.expiresAt <= Date.now()) signOut();
  return current;
}

export function useSession(): Session | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
