import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, Kind, type OperationDefinitionNode, visit } from 'graphql';
import { firstTextProblem, textProblem } from '../common/validation';
import { AppError } from '../kernel/errors';
import { noteOperation } from '../kernel/request-scope';

/** Refused before execution: an HTTP 400, like a document that does not validate. */
function refused(message: string): AppError {
  return new AppError('BAD_USER_INPUT', message, { http: { status: 400 } });
}

function literalProblem(document: DocumentNode): string | null {
  let problem: string | null = null;
  visit(document, {
    StringValue(node) {
      problem ??= textProblem(node.value);
    },
  });
  return problem;
}

/** What the request log calls an operation: its name, else its root fields. */
function operationLabel(operation: OperationDefinitionNode | undefined, name: string | null | undefined): string | undefined {
  if (name) return name;
  if (!operation) return undefined;
  const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  return `${operation.operation} ${fields.join(',')}`.slice(0, 200);
}

/**
 * Checks that hold for every executor, once the operation is known and before it runs: the
 * operation named by `operationName` exists (else 400, not a 500 from the executor), and no text
 * in the variables or the document is oversized or carries control characters (a NUL byte would
 * otherwise reach PostgreSQL as an internal error). Also tells the request log which operation
 * ran and which error codes it answered.
 */
export function operationGuard(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document }) {
          if (!operation) {
            throw refused(
              request.operationName
                ? `L’opération « ${request.operationName.slice(0, 60)} » n’existe pas dans le document envoyé.`
                : 'Le document contient plusieurs opérations : indiquez laquelle exécuter (operationName).',
            );
          }
          const problem = firstTextProblem(request.variables ?? {}) ?? literalProblem(document);
          if (problem) throw refused(problem);
        },
        async willSendResponse({ response, operation, operationName }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          noteOperation(operationLabel(operation, operationName), errors.map((e) => String(e.extensions?.code ?? '')));
        },
      };
    },
  };
}
