import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';

/**
 * What a GraphQL document may ask, checked before anything runs (and before authentication):
 * the console's documents stay far below (its deepest is 4 levels, its widest 2 aliases).
 * Documented in the README ("Query limits").
 */
export const QUERY_LIMITS = {
  /** Nesting of selections; a fragment spread counts as a level, each fragment measured once. */
  depth: 10,
  /** Aliased fields in one document (the console's list pages use two). */
  aliases: 15,
  /** Directives in one document. */
  directives: 10,
  /**
   * graphql-armor's cost estimate (1 per scalar, 2 per object, ×1.5 per level, fragments measured
   * once and counted at each spread): a fragment that spreads the previous one twice, 40 deep,
   * costs about 2^40 and is refused at once instead of being expanded by the executor.
   */
  cost: 5000,
  /** Lexical tokens (enforced by the parser: longer documents are not even parsed). */
  tokens: 3000,
} as const;

/** The start of every refusal's message: the error formatter recognises it. */
export const TOO_COMPLEX_PREFIX = 'Requête trop complexe';

const MESSAGES = {
  depth: `${TOO_COMPLEX_PREFIX} : plus de ${QUERY_LIMITS.depth} niveaux imbriqués. Demandez moins de niveaux à la fois.`,
  aliases: `${TOO_COMPLEX_PREFIX} : plus de ${QUERY_LIMITS.aliases} alias dans une même requête.`,
  directives: `${TOO_COMPLEX_PREFIX} : plus de ${QUERY_LIMITS.directives} directives dans une même requête.`,
  cost: `${TOO_COMPLEX_PREFIX} : elle demande trop de champs à la fois (coût estimé au-delà de ${QUERY_LIMITS.cost}). Découpez-la.`,
  tokens: `${TOO_COMPLEX_PREFIX} : plus de ${QUERY_LIMITS.tokens} éléments dans le document.`,
};

/** Reports a refusal as a validation error (HTTP 400) carrying QUERY_TOO_COMPLEX and its French message. */
const refuse =
  (message: string) =>
  (context: ValidationContext | null): void =>
    context?.reportError(new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } }));

/** Apollo options: graphql-armor's validation rules, batching off. */
export function queryLimits() {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.depth, propagateOnRejection: false, onReject: [refuse(MESSAGES.depth)] },
    maxAliases: { n: QUERY_LIMITS.aliases, propagateOnRejection: false, onReject: [refuse(MESSAGES.aliases)] },
    maxDirectives: { n: QUERY_LIMITS.directives, propagateOnRejection: false, onReject: [refuse(MESSAGES.directives)] },
    costLimit: { maxCost: QUERY_LIMITS.cost, propagateOnRejection: false, onReject: [refuse(MESSAGES.cost)] },
    // Its token plugin answers HTTP 500 (STACK.md): the parser's own limit is used instead.
    maxTokens: { enabled: false },
    // Its plugin rewrites every error's message in place, which breaks on graphql-jit's errors
    // (an internal error instead of FORBIDDEN): suggestions are dropped by the error formatter.
    blockFieldSuggestion: { enabled: false },
  });
  return { ...armor.protect(), parseOptions: { maxTokens: QUERY_LIMITS.tokens } };
}

/** The parser's refusal of a long document, in French. */
export function frenchTokenLimitMessage(message: string): string | null {
  // graphql 16 writes « more that ».
  return /Document contains more (than|that) \d+ tokens/.test(message) ? MESSAGES.tokens : null;
}
