/** A GraphQL client that talks to the real HTTP server, as a browser or an API client would. */
export interface GraphQLResponse<T = any> {
  status: number;
  data: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
  extensions?: { sqlStatements?: number };
  headers: Headers;
}

export class Api {
  constructor(
    readonly url: string,
    public token?: string,
  ) {}

  as(token: string | undefined): Api {
    return new Api(this.url, token);
  }

  async request<T = any>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
    return { ...body, status: response.status, headers: response.headers };
  }

  /** Runs an operation that must succeed without top-level errors; returns its data. */
  async ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await this.request<T>(query, variables);
    if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
    return response.data;
  }

  /** Runs a mutation and returns its payload (the only root field), failing on top-level errors. */
  async mutation<T = any>(query: string, input: Record<string, unknown>): Promise<T> {
    const data = await this.ok<Record<string, T>>(query, { input });
    return Object.values(data)[0];
  }

  /** The top-level error codes of a response, in order. */
  static codes(response: GraphQLResponse): (string | undefined)[] {
    return (response.errors ?? []).map((e) => e.extensions?.code);
  }
}
