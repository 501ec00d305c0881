import buildGraphQLProvider from 'ra-data-graphql-simple';
import type { DataProvider } from 'react-admin';
import introspectedSchema from 'virtual:graphql-introspection';
import { ApiError } from './api';

interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: string };
}

/** Turns Apollo's errors into the server's French message, with a status react-admin understands. */
function toApiError(error: unknown): unknown {
  const graphQLErrors = (error as { graphQLErrors?: GraphQLErrorLike[] } | null)?.graphQLErrors;
  const first = graphQLErrors?.[0];
  if (first) return new ApiError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const networkError = (error as { networkError?: { result?: { errors?: GraphQLErrorLike[] } } } | null)?.networkError;
  const networkFirst = networkError?.result?.errors?.[0];
  if (networkFirst) return new ApiError(networkFirst.message, networkFirst.extensions?.code ?? 'BAD_USER_INPUT');
  if (networkError) return new ApiError('Le serveur est injoignable : vérifiez votre connexion puis réessayez.', 'NETWORK');
  return error;
}

/**
 * ra-data-graphql-simple over the schema shipped at build time. Out-of-scope records come back
 * as null: they are reported exactly as records that do not exist.
 */
export function createDataProvider(): DataProvider {
  const base = buildGraphQLProvider({
    clientOptions: { uri: '/graphql', credentials: 'same-origin' },
    introspection: { schema: introspectedSchema },
  });
  const wrapped: Record<string, unknown> = {};
  for (const method of ['getList', 'getOne', 'getMany', 'getManyReference', 'create', 'update', 'updateMany', 'delete', 'deleteMany'] as const) {
    wrapped[method] = async (resource: string, params: unknown) => {
      try {
        const result = await (base[method] as (r: string, p: unknown) => Promise<{ data: unknown }>)(resource, params);
        if (method === 'getOne' && !result.data) throw new ApiError('ra.notification.item_doesnt_exist', 'NOT_FOUND');
        return result;
      } catch (error) {
        throw toApiError(error);
      }
    };
  }
  return wrapped as unknown as DataProvider;
}
