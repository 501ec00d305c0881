/** Minimal GraphQL over fetch, with the session cookie, for auth and domain actions. */

export interface ApiErrorShape {
  message: string;
  extensions?: { code?: unknown; [key: string]: unknown };
}

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
  NETWORK: 503,
};

export const NETWORK_MESSAGE = 'Le serveur est injoignable : vérifiez votre connexion puis réessayez.';

/**
 * An error the console shows as is: the server's French message (`extensions.code` kept in
 * `code`), and an HTTP-like `status` that react-admin understands (401 signs the user out).
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** The input field the server named (`extensions.field`), for a message beside it. */
  readonly field?: string;
  constructor(message: string, code: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = STATUS_BY_CODE[code] ?? 400;
    this.field = field;
  }
}

/** The first GraphQL error of a response, as an ApiError. */
export function fromGraphQLError(error: ApiErrorShape): ApiError {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';
  const field = typeof error.extensions?.field === 'string' ? error.extensions.field : undefined;
  return new ApiError(error.message, code, field);
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError(NETWORK_MESSAGE, 'NETWORK');
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T | null; errors?: ApiErrorShape[] };
  if (body.errors?.length) throw fromGraphQLError(body.errors[0]);
  if (!response.ok) throw new ApiError(`Le serveur a répondu par une erreur (HTTP ${response.status}). Réessayez dans un instant.`, response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR');
  if (!body.data) throw new ApiError('Réponse inattendue du serveur.', 'INTERNAL_SERVER_ERROR');
  return body.data;
}
