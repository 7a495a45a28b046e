import type { TProblem } from '../shared/problem';

/** An API error carrying the server's problem+json, so pages can show its detail and fields. */
export class ApiError extends Error {
  constructor(readonly problem: TProblem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }
}

export async function apiGet<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const query = search.toString();
  const response = await fetch(`${path}${query ? `?${query}` : ''}`, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as TProblem | null;
    throw new ApiError(
      problem ?? { type: 'about:blank', title: response.statusText, status: response.status },
    );
  }
  return (await response.json()) as T;
}
