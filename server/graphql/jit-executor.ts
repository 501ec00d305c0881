import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { GraphQLError, type GraphQLSchema, printSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/**
 * graphql-jit's errors are its own GraphQLError look-alikes: no `extensions` unless the thrown
 * error had some, which makes Apollo's error pipeline fail before our formatter runs (an English
 * « Internal server error », nothing logged). Each one is rebuilt as graphql-js's GraphQLError,
 * keeping message, path, locations and the original error, so every error is formatted alike.
 */
function standardError(error: GraphQLError, extensions?: Record<string, unknown>): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: { ...(error.extensions ?? {}), ...extensions },
  });
  if (error.locations) (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}

/**
 * Executes operations with graphql-jit instead of graphql-js's interpreter: each distinct
 * document is compiled once into a function (the console sends a few dozen distinct ones), then
 * a 50-row page costs plain property reads instead of a generic walk per field. Apollo keeps
 * parsing, validation, limits (graphql/limits.ts, so only bounded documents are compiled),
 * plugins and error formatting; it hands the validated document to this "gateway" executor,
 * which is Apollo's supported extension point for custom execution.
 */
export function jitExecution(schema: GraphQLSchema): GatewayInterface {
  const compiled = new LRUCache<string, CompiledQuery>({ max: 500 });
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async load() {
      return {
        executor: async (request) => {
          const key = `${request.queryHash}\u0000${request.operationName ?? ''}`;
          let query = compiled.get(key);
          if (!query) {
            const result = compileQuery(schema, request.document, request.operationName ?? undefined, { disablingCapturingStackErrors: true });
            if (!isCompiledQuery(result)) return { errors: (result.errors ?? []).map((e) => standardError(e, { code: 'BAD_USER_INPUT' })) };
            query = result;
            compiled.set(key, query);
          }
          const result = await query.query(undefined, request.context, request.request.variables ?? {});
          if (!result.errors) return result;
          // No `data` at all: the variables were refused before execution (as graphql-js would, a client error).
          if (!('data' in result)) return { errors: result.errors.map((e) => standardError(e, { code: 'BAD_USER_INPUT' })) };
          return { ...result, errors: result.errors.map((e) => standardError(e)) };
        },
      };
    },
    async stop() {},
  };
}
