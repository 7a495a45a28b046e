import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TMe, TPermission, TRole, TSignIn } from '../../shared/identity';
import { ApiError, apiGet, apiSend, setCsrfToken } from './api';

export const ME_KEY = ['me'] as const;

/** The signed-in user, or null when there is no session. */
async function fetchMe(): Promise<TMe | null> {
  try {
    const me = await apiGet<TMe>('/api/v1/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

export function hasPermission(me: TMe | null | undefined, permission: TPermission): boolean {
  return Boolean(me?.permissions.includes(permission));
}

/** Roles that see the cadence dashboard (the server scopes what a bureau analyst sees). */
/** Who sees the cadence dashboard; the API scopes it to each reader (a post's staff see their post). */
export const DASHBOARD_ROLES: readonly TRole[] = ['officer', 'approver', 'hq_analyst', 'bureau_analyst', 'directive_author'];

export async function signIn(queryClient: QueryClient, input: TSignIn): Promise<TMe> {
  const me = await apiSend<TMe>('POST', '/api/v1/session', input);
  forgetRecords(queryClient);
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(ME_KEY, me);
  return me;
}

/** Forgets everything the previous session loaded, so the next user never sees it. */
export function endSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.setQueryData(ME_KEY, null);
  forgetRecords(queryClient);
}

function forgetRecords(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
}

/**
 * Ends the session on the server, then loads the sign-in page afresh: nothing the session
 * loaded (records, a token's secret on screen) stays in the page's memory.
 */
export function useSignOut() {
  return useCallback(async () => {
    try {
      await apiSend('DELETE', '/api/v1/session');
    } catch (error) {
      // A session that has already ended is signed out all the same.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setCsrfToken(null);
    window.location.replace('/sign-in');
  }, []);
}

/** Where to go after signing in: a path inside the app, never another site. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/sign-in')) return '/';
  return next;
}
