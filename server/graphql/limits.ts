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

export type QueryLimits = { readonly [K in keyof typeof QUERY_LIMITS]: number };

const messagesOf = (limits: QueryLimits) => ({
  depth: `${TOO_COMPLEX_PREFIX} : plus de ${limits.depth} niveaux imbriqués. Demandez moins de niveaux à la fois.`,
  aliases: `${TOO_COMPLEX_PREFIX} : plus de ${limits.aliases} alias dans une même requête.`,
  directives: `${TOO_COMPLEX_PREFIX} : plus de ${limits.directives} directives dans une même requête.`,
  cost: `${TOO_COMPLEX_PREFIX} : elle demande trop de champs à la fois (coût estimé au-delà de ${limits.cost}). Découpez-la.`,
  tokens: `${TOO_COMPLEX_PREFIX} : plus de ${limits.tokens} éléments dans le document.`,
});
const MESSAGES = messagesOf(QUERY_LIMITS);

/** Reports a refusal as a validation error (HTTP 400) carrying QUERY_TOO_COMPLEX and its French message. */
const refuse =
  (message: string) =>
  (context: ValidationContext | null): void =>
    context?.reportError(new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } }));

/**
 * Apollo options: graphql-armor's validation rules, batching off. `limits` other than the
 * product's serve tests (the console's documents stay under half of each).
 */
export function queryLimits(limits: QueryLimits = QUERY_LIMITS) {
  const messages = messagesOf(limits);
  const armor = new ApolloArmor({
    maxDepth: { n: limits.depth, propagateOnRejection: false, onReject: [refuse(messages.depth)] },
    maxAliases: { n: limits.aliases, propagateOnRejection: false, onReject: [refuse(messages.aliases)] },
    maxDirectives: { n: limits.directives, propagateOnRejection: false, onReject: [refuse(messages.directives)] },
    costLimit: { maxCost: limits.cost, propagateOnRejection: false, onReject: [refuse(messages.cost)] },
    // Its token plugin answers HTTP 500 (STACK.md): the parser's own limit is used instead.
    maxTokens: { enabled: false },
    // Its plugin rewrites every error's message in place, which breaks on graphql-jit's errors
    // (an internal error instead of FORBIDDEN): suggestions are dropped by the error formatter.
    blockFieldSuggestion: { enabled: false },
  });
  return { ...armor.protect(), parseOptions: { maxTokens: limits.tokens } };
}

/** The parser's refusal of a long document, in French. */
export function frenchTokenLimitMessage(message: string): string | null {
  // graphql 16 writes « more that ».
  return /Document contains more (than|that) \d+ tokens/.test(message) ? MESSAGES.tokens : null;
}
