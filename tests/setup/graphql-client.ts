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
  /** Every cookie the server set, by name, as a browser keeps them (`name=value`). */
  readonly jar = new Map<string, string>();

  /** The session cookie (`snu_session=…`). */
  get cookie(): string | undefined {
    return this.jar.get('snu_session');
  }
  set cookie(pair: string | undefined) {
    this.set('snu_session', pair);
  }
  /** The trusted-browser cookie of the login throttle (`snu_device=…`), set by a successful login. */
  get device(): string | undefined {
    return this.jar.get('snu_device');
  }
  set device(pair: string | undefined) {
    this.set('snu_device', pair);
  }
  private set(name: string, pair: string | undefined): void {
    if (pair) this.jar.set(name, pair);
    else this.jar.delete(name);
  }
  /** The HTTP headers of the last answer (e.g. `x-request-id`). */
  lastHeaders: Headers | undefined;

  /** `headers`: sent with every request (e.g. the X-Forwarded-For a proxy would add). */
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const cookies = [...this.jar.values()].join('; ');
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.headers, ...(cookies ? { cookie: cookies } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      this.set(name, pair.slice(pair.indexOf('=') + 1) ? pair : undefined);
    }
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorShape[] };
    this.lastHeaders = response.headers;
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
