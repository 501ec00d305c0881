import { Filter, type Dictionary } from '@mikro-orm/core';
import type { CurrentUser, Territory } from '../kernel/current-user';
import { Role } from '../kernel/roles';

/** Name of the MikroORM filter that restricts every `em.find`/`count` of a scoped entity. */
export const SCOPE_FILTER = 'scope';

/** Who a scoped query runs for: a signed-in user (the request), or the system (see `unscoped`). */
export type Principal = { kind: 'user'; user: Pick<CurrentUser, 'id' | 'role' | 'territory'> } | { kind: 'system'; reason: string };

/** What the scope filter receives: set once per request (`server/auth/context.ts`) or by `unscoped`. */
export interface ScopeParams {
  principal: Principal;
}

/**
 * What a rule sees of the user. `territory` is computed once per request (`territory.ts`);
 * rules never query.
 */
export interface RuleSubject {
  id: string;
  role: Role;
  territory: Territory;
}

/** A condition in MikroORM's query language, on the entity that declares the rule. */
export type Condition = Dictionary;

/** How a non-national user reaches an entity's rows. National staff and the system see every row. */
export type TerritoryRule = (user: RuleSubject) => Condition;

/** Reads (records: lists, one, nested fields, exports) or aggregates (grouped counts of dashboards). */
export type ScopePurpose = 'records' | 'counts';

interface OwnRule {
  kind: 'own';
  records: TerritoryRule;
  counts: TerritoryRule;
}

interface ThroughRule {
  kind: 'through';
  /** The to-one relation whose target decides, e.g. `volunteer`. */
  path: string;
  target: () => abstract new (...args: never[]) => object;
}

/** Declared on purpose: reference data or auth plumbing that carries nothing territorial or personal. */
interface PublicRule {
  kind: 'public';
  reason: string;
}

type RegisteredRule = OwnRule | ThroughRule | PublicRule;

/**
 * A condition that matches no row (primary keys are never null). Rules return it as is; what
 * reaches MikroORM, which rewrites conditions in place, is always a copy (see `simplify`).
 */
export const NOTHING: Condition = { id: null };

function isNothing(condition: Condition): boolean {
  const keys = Object.keys(condition);
  return keys.length === 1 && keys[0] === 'id' && condition.id === null;
}

const rules = new Map<object, RegisteredRule>();

export class ScopeNotSetError extends Error {
  constructor() {
    super('Scoped data reached without a principal: go through the request context or unscoped(reason, …) (fails closed).');
  }
}

function ruleOf(entity: object): RegisteredRule | undefined {
  // Entities may extend a scoped base class: walk up the prototype chain.
  for (let target: unknown = entity; target && target !== Function.prototype; target = Object.getPrototypeOf(target)) {
    const rule = rules.get(target as object);
    if (rule) return rule;
  }
  return undefined;
}

/** How an entity class is scoped (the tests check that every entity declares it). */
export function scopeKindOf(entity: object): 'own' | 'through' | 'public' | undefined {
  return ruleOf(entity)?.kind;
}

/** Whether `params` see everything: national staff, or the system. */
export function seesEverything(params: ScopeParams): boolean {
  const { principal } = params;
  return principal.kind === 'system' || principal.user.role === Role.ADMIN || principal.user.territory.national;
}

/**
 * The condition that limits `entity` to what `params` may see, composed by path: an entity
 * declared "through `volunteer`" gets `{ volunteer: <the volunteer's condition> }`. Throws when no
 * principal was set, so a query that forgot its user fails instead of leaking.
 */
export function scopeConditionFor(entity: object, params: ScopeParams | undefined, purpose: ScopePurpose = 'records'): Condition {
  if (!params?.principal) throw new ScopeNotSetError();
  const rule = ruleOf(entity);
  if (!rule) throw new Error(`${(entity as { name?: string }).name ?? 'This entity'} declares no scope rule (@Scoped, @ScopedThrough or @NotScoped)`);
  if (rule.kind === 'public' || seesEverything(params)) return {};
  return simplify(compose(rule, (params.principal as Extract<Principal, { kind: 'user' }>).user, purpose));
}

function compose(rule: RegisteredRule, user: RuleSubject, purpose: ScopePurpose): Condition {
  if (rule.kind === 'public') return {};
  if (rule.kind === 'own') return rule[purpose](user);
  const target = ruleOf(rule.target());
  if (!target) throw new Error(`scope rule through "${rule.path}" points to an entity without a rule`);
  const inner = simplify(compose(target, user, purpose));
  if (isNothing(inner)) return NOTHING;
  if (Object.keys(inner).length === 0) return {};
  return { [rule.path]: inner };
}

const FALSE = Symbol('matches nothing');

/**
 * Rules are written with plain `$in: territory.departmentIds`; a user whose territory is empty
 * (a referent whose departments were removed, a head of centre heading no session yet) would give
 * `$in: []`, which MikroORM renders as `in ()` inside joins, a syntax error. This folds such
 * conditions: an empty `$in` matches nothing, so does an AND containing it, and an OR keeps only
 * its satisfiable branches. The result is the same condition, or `NOTHING`.
 */
function simplify(condition: Condition): Condition {
  const folded = fold(condition);
  return folded === FALSE ? { id: null } : (folded as Condition);
}

function fold(value: unknown): unknown {
  if (Array.isArray(value)) return [...value];
  // Only plain condition objects are folded (not dates or subqueries); each is copied.
  if (!value || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Dictionary = {};
  for (const [key, inner] of Object.entries(value as Dictionary)) {
    if (key === '$in' && Array.isArray(inner) && inner.length === 0) return FALSE;
    if (key === '$or' && Array.isArray(inner)) {
      const kept = inner.map(fold).filter((branch) => branch !== FALSE);
      if (kept.length === 0) return FALSE;
      out.$or = kept;
      continue;
    }
    if (key === '$and' && Array.isArray(inner)) {
      const all = inner.map(fold);
      if (all.includes(FALSE)) return FALSE;
      out.$and = all;
      continue;
    }
    const folded = fold(inner);
    if (folded === FALSE) return FALSE;
    out[key] = folded;
  }
  return out;
}

function register(target: object, rule: RegisteredRule): void {
  rules.set(target, rule);
  Filter({
    name: SCOPE_FILTER,
    default: true,
    // `args` left to MikroORM's default: the condition needs them, so a fork without a principal throws.
    cond: (params: ScopeParams | undefined) => scopeConditionFor(target, params),
  })(target as never);
}

/**
 * Class decorator: the entity's own rule. `counts` (default: the same as records) is what
 * grouped counts may see: visitors count the volunteers of their region without reading any.
 */
export function Scoped(records: TerritoryRule, options: { counts?: TerritoryRule } = {}): ClassDecorator {
  return (target) => register(target, { kind: 'own', records, counts: options.counts ?? records });
}

/**
 * Class decorator: the entity is in scope exactly when the target of its to-one relation `path`
 * is (a note, a correction request or an e-mail "through `volunteer`"); the target's rule is
 * inherited, for records and for counts.
 */
export function ScopedThrough(path: string, target: () => abstract new (...args: never[]) => object): ClassDecorator {
  return (entity) => register(entity, { kind: 'through', path, target });
}

/**
 * Class decorator: the entity is deliberately readable by every signed-in user (reference data
 * such as regions, departments and cohorts) or read only by the auth layer before anyone is signed
 * in. Saying so, with the reason, is required: an entity that declares nothing cannot be queried.
 */
export function NotScoped(reason: string): ClassDecorator {
  return (target) => {
    rules.set(target, { kind: 'public', reason });
  };
}
