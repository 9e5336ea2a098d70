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

/** A claim as text: strings as they are, numbers and booleans printed, a missing claim empty, anything else as JSON. */
function claimText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function sessionFromToken(token: string): Session {
  const claims = decodePayload(token);
  const unitPath = Array.isArray(claims.unit_path) ? (claims.unit_path as string[]) : [];
  return {
    token,
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + 3600_000,
    user: {
      sub: claimText(claims.sub),
      name: claimText(claims.name ?? claims.preferred_username ?? claims.sub),
      role: claimText(claims.role),
      unitId: claimText(claims.unit_id),
      level: claimText(claims.level),
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
