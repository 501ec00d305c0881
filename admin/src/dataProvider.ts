import buildGraphQLProvider from 'ra-data-graphql-simple';
import { type DataProvider, HttpError } from 'react-admin';
import introspectedSchema from 'virtual:graphql-introspection';
import { ApiError, type ApiErrorShape, fromGraphQLError, NETWORK_MESSAGE } from './api';
import { cohesionCenterWrites } from './cohesion-center/writes';
import { cohortWrites } from './cohort/writes';
import { createRecord, deleteRecord, type RecordWrites, updateRecord } from './common/recordWrites';
import { meetingPointWrites } from './meeting-point/writes';
import { sessionWrites } from './session/writes';
import { transportLineWrites } from './transport-line/writes';
import { userWrites } from './user/writes';

/** Resources whose create/update/delete go through their `input:` mutations (common/recordWrites.ts). */
const WRITES: Record<string, RecordWrites> = {
  Cohort: cohortWrites,
  CohesionCenter: cohesionCenterWrites,
  Session: sessionWrites,
  MeetingPoint: meetingPointWrites,
  TransportLine: transportLineWrites,
  User: userWrites,
};

/** What Apollo puts in an error (ra-data-graphql wraps it in an HttpError whose `body` is the ApolloError). */
interface ApolloErrorLike {
  graphQLErrors?: readonly ApiErrorShape[];
  networkError?: { statusCode?: number; result?: { errors?: ApiErrorShape[] } } | null;
}

/** Any error from the GraphQL layer as an ApiError carrying the server's French message and code. */
export function toApiError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  if (error instanceof Error && error.name === 'AbortError') return error; // react-query cancelled the request
  const wrapper = error as { status?: number; body?: unknown } | null;
  for (const candidate of [error, wrapper?.body]) {
    const apollo = candidate as ApolloErrorLike | null | undefined;
    const first = apollo?.graphQLErrors?.[0] ?? apollo?.networkError?.result?.errors?.[0];
    if (first) return fromGraphQLError(first);
  }
  if (!(error instanceof HttpError)) return error;
  // ra-data-graphql turns a network failure into HttpError(message, statusCode): no response body left.
  const status = wrapper?.status;
  if (status === 401) return new ApiError('Vous n’êtes pas connecté ou votre session a expiré : reconnectez-vous.', 'UNAUTHENTICATED');
  if (status === undefined || status === 0) return new ApiError(NETWORK_MESSAGE, 'NETWORK');
  if (status >= 400) return new ApiError(`Le serveur a répondu par une erreur (HTTP ${status}). Réessayez dans un instant.`, 'INTERNAL_SERVER_ERROR');
  return error;
}

type Params = { sort?: { field: string; order: string }; meta?: Record<string, unknown> } & Record<string, unknown>;

/**
 * react-admin asks for `sort: id DESC` when a list has no sort of its own (ReferenceManyField,
 * ReferenceInput…); the API does not sort on ids, so such a request uses the server's default order.
 * `meta` is copied because ra-data-graphql-simple deletes `meta.sparseFields` from the object it gets.
 */
function prepare(params: Params): Params {
  const prepared: Params = { ...params, meta: params.meta ? { ...params.meta } : undefined };
  if (prepared.sort?.field === 'id') delete prepared.sort;
  return prepared;
}

const METHODS = ['getList', 'getOne', 'getMany', 'getManyReference', 'create', 'update', 'updateMany', 'delete', 'deleteMany'] as const;
type Method = (typeof METHODS)[number];
type AnyMethod = (resource: string, params: Params) => Promise<{ data: unknown }>;

/**
 * ra-data-graphql-simple over the schema shipped at build time (`virtual:graphql-introspection`,
 * made from schema.graphql by the vite plugin): nothing is asked of the server before login, and
 * its introspection may stay off. Pages choose their columns, nested ones included, with
 * `meta.sparseFields`, e.g. `['id', { department: ['code', 'name', { region: ['name'] }] }]`.
 *
 * Out-of-scope records come back as null from the API: they are reported exactly as records that
 * do not exist.
 */
export function createDataProvider(): DataProvider {
  const base = buildGraphQLProvider({
    clientOptions: { uri: '/graphql', credentials: 'same-origin' },
    introspection: { schema: introspectedSchema },
  });
  const wrapped: Partial<Record<Method, AnyMethod>> = {};
  for (const method of METHODS) {
    const call = base[method] as unknown as AnyMethod;
    wrapped[method] = async (resource, params) => {
      const writes = WRITES[resource];
      if (writes && method === 'create') return createRecord(writes, params.data as Record<string, unknown>);
      if (writes && method === 'update') return updateRecord(writes, String(params.id), params.data as Record<string, unknown>, params.previousData as Record<string, unknown> | undefined);
      if (writes && method === 'delete') return deleteRecord(writes, String(params.id), params.previousData as Record<string, unknown> | undefined);
      try {
        const result = await call(resource, prepare(params));
        if (method === 'getOne' && !result.data) throw new ApiError('app.not_found', 'NOT_FOUND');
        return result;
      } catch (error) {
        throw toApiError(error);
      }
    };
  }
  return wrapped as unknown as DataProvider;
}
