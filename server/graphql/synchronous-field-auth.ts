import { type GraphQLFieldResolver, GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { AuthorizationError, getMetadataStorage, type ResolverData } from 'type-graphql';

/** `@Authorized(roles)` decided without waiting: true, false, or a thrown error. */
export type SynchronousAuthChecker<C extends object> = (data: ResolverData<C>, roles: readonly string[]) => boolean;

type Target = abstract new (...args: never[]) => object;
type ParamMetadata = ReturnType<typeof getMetadataStorage>['params'][number];

/** Gets one parameter of a field resolver, or undefined when it needs type-graphql's own machinery. */
function paramReader<C extends object>(param: ParamMetadata, objectClass: Target): ((data: ResolverData<C>) => unknown) | undefined {
  switch (param.kind) {
    case 'root': {
      // `@Root() v: Volunteer`: type-graphql converts the root to that class (see below why not here).
      const type = param.getType?.() as unknown;
      if (type !== undefined && type !== objectClass && !(typeof type === 'function' && objectClass.prototype instanceof type)) return undefined;
      return param.propertyName ? ({ root }) => (root as Record<string, unknown>)[param.propertyName!] : ({ root }) => root;
    }
    case 'context':
      return param.propertyName ? ({ context }) => (context as Record<string, unknown>)[param.propertyName!] : ({ context }) => context;
    case 'info':
      return ({ info }) => info;
    default:
      return undefined; // args, custom decorators…: keep type-graphql's resolver
  }
}

/**
 * type-graphql runs `@Authorized` through an async middleware chain on every field of every
 * object, so a 50-row list page of 20 fields made ≈ 5,000 promises and resolved every row
 * asynchronously. This rewrites, after the schema is built, the resolvers of object-type fields
 * (not Query/Mutation, which keep type-graphql's path) whose only middleware is `@Authorized`: the
 * same roles from the same decorator metadata, checked by the same checker, then the property or
 * the field-resolver method called directly. A field this cannot reproduce exactly (arguments,
 * other middlewares) keeps type-graphql's resolver, which still authorizes it; a field without
 * `@Authorized` is left alone, and the test that checks every object field is rewritten fails.
 *
 * Returns the names of the fields that were rewritten.
 */
export function useSynchronousFieldAuthorization<C extends object>(schema: GraphQLSchema, check: SynchronousAuthChecker<C>): string[] {
  const storage = getMetadataStorage();
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  const instances = new Map<Target, object>();
  const instanceOf = (target: Target): object => {
    let instance = instances.get(target);
    if (!instance) {
      // Resolver classes are stateless (everything comes from the context); one instance, as type-graphql's default container does.
      instance = new (target as unknown as new () => object)();
      instances.set(target, instance);
    }
    return instance;
  };
  const rewritten: string[] = [];

  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || roots.has(type) || type.name.startsWith('__')) continue;
    const objectType = storage.objectTypes.find((o) => o.name === type.name);
    if (!objectType) continue;
    const objectClass = objectType.target as Target;
    for (const [name, field] of Object.entries(type.getFields())) {
      // The field's own metadata, the most derived declaration first (entities extend BaseEntity).
      const fieldMetadata = storage.fields
        .filter((f) => f.schemaName === name && (f.target === objectClass || objectClass.prototype instanceof f.target))
        .sort((a, b) => (a.target === objectClass ? -1 : b.target === objectClass ? 1 : 0))[0];
      // A @FieldResolver in a resolver class has no field metadata of its own.
      const resolverMetadata = storage.fieldResolvers.find((r) => r.schemaName === name && r.getObjectType?.() === objectClass);
      if (!fieldMetadata && !resolverMetadata) continue;
      const roles = (resolverMetadata ?? fieldMetadata)?.roles as string[] | undefined;
      const middlewares = [...(fieldMetadata?.middlewares ?? []), ...(resolverMetadata?.middlewares ?? [])];
      if (!roles || middlewares.length > 0) continue;

      let value: (root: unknown, data: ResolverData<C>) => unknown;
      if (!resolverMetadata) {
        const property = fieldMetadata!.name;
        value = (root) => (root as Record<string, unknown>)[property];
      } else {
        if (resolverMetadata.kind !== 'external') continue;
        const readers = [...(resolverMetadata.params ?? [])].sort((a, b) => a.index - b.index).map((p) => paramReader<C>(p, objectClass));
        if (readers.some((r) => !r)) continue;
        const method = resolverMetadata.methodName;
        const target = resolverMetadata.target as Target;
        // type-graphql would first turn a plain object into an instance of the class; roots here are
        // entities or list row views (common/list-rows.ts) whose fields are data properties, and
        // no entity class declares getters or methods as fields, so the root is passed as it is.
        value = (_root, data) => {
          const instance = instanceOf(target) as Record<string, (...args: unknown[]) => unknown>;
          return instance[method]!(...readers.map((read) => read!(data)));
        };
      }
      const resolve: GraphQLFieldResolver<unknown, C> = (root, args, context, info) => {
        const data: ResolverData<C> = { root, args, context, info };
        if (!check(data, roles)) throw new AuthorizationError();
        return value(root, data);
      };
      field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
      rewritten.push(`${type.name}.${name}`);
    }
  }
  return rewritten;
}
