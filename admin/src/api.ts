/** Minimal GraphQL over fetch, with the session cookie, for auth and domain actions. */

export interface ApiErrorShape {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/** An error the console shows as is: the server's French message, and an HTTP-like status for react-admin. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(message: string, code: string) {
    super(message);
    this.code = code;
    this.status = STATUS_BY_CODE[code] ?? 400;
  }
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
    throw new ApiError('Le serveur est injoignable : vérifiez votre connexion puis réessayez.', 'NETWORK');
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: ApiErrorShape[] };
  if (body.errors?.length) {
    const first = body.errors[0];
    throw new ApiError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  }
  if (!body.data) throw new ApiError('Réponse inattendue du serveur.', 'INTERNAL_SERVER_ERROR');
  return body.data;
}
