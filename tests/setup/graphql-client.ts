import { DEMO_PASSWORD } from '../../server/database/seeds/demo.seed';

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
  path?: ReadonlyArray<string | number>;
}

export interface GraphQLResponse<T> {
  status: number;
  data: T | null;
  errors?: GraphQLErrorShape[];
}

/** A GraphQL client over real HTTP that keeps the session cookie like a browser does. */
export class GraphQLClient {
  cookie: string | undefined;

  constructor(private readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.getSetCookie();
    for (const header of setCookie) {
      const [pair] = header.split(';');
      const value = pair.slice(pair.indexOf('=') + 1);
      this.cookie = value ? pair : undefined;
    }
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorShape[] };
    return { status: response.status, data: body.data ?? null, errors: body.errors };
  }

  /** Like `request`, but fails the test on any GraphQL error. */
  async ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    if (!result.data) throw new Error('GraphQL: no data');
    return result.data;
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<this> {
    await this.ok(`mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }`, { email, password });
    return this;
  }
}

export async function loggedIn(baseUrl: string, email: string): Promise<GraphQLClient> {
  return new GraphQLClient(baseUrl).login(email);
}

/** The code of the first error, or undefined. */
export function errorCode(result: GraphQLResponse<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
