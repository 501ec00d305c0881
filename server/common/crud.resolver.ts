import type { EntityClass, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import pluralize from 'pluralize';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Info, Query, Resolver, type ClassType } from 'type-graphql';
import type { RequestContext } from '../kernel/request-context';
import type { Role } from '../kernel/roles';
import { badInput } from '../kernel/errors';
import { ScopedQuery } from '../scope/scoped-query';
import { DEFAULT_PER_PAGE, ListArgs, ListMetadata, MAX_PER_PAGE, PageArgs } from './list.types';
import { selectedPaths } from './selection';
import { assertUuid } from './validation';

interface Identified {
  id: string;
}

export interface ReadResolverOptions<T extends Identified, F extends object> {
  entity: EntityClass<T>;
  /** GraphQL type name: `Volunteer` gives `Volunteer`, `allVolunteers`, `_allVolunteersMeta`. */
  typeName: string;
  filterType: ClassType<F>;
  /** Who may call the three queries; rows are further limited by the ORM's scope filter. */
  roles: readonly Role[];
  /** GraphQL sort field → ORM path (`department.code`). Anything else is refused. */
  sortable: Record<string, string>;
  defaultSort: { field: string; order: 'ASC' | 'DESC' };
  /** Filter → ORM condition. Shared by the list and the count so totals always match the rows. */
  where: (filter: F, ctx: RequestContext) => FilterQuery<T>;
  /** French name for "not found" messages, e.g. "Ce volontaire". */
  label?: string;
  /**
   * Loads, in one batch per relation, the related records a list page selects (`selected` holds
   * dotted paths such as `session.center`), so that every row then resolves without waiting.
   * Goes through `ctx.loaders`, hence the same rules as the field resolvers.
   */
  prefetch?: (rows: T[], selected: Set<string>, ctx: RequestContext) => Promise<unknown>;
}

type Followed = EntityClass<Identified>;

/**
 * A `prefetch` that follows, for the rows of a page, the to-one relations the query selects
 * (`{ actor: User }`), in one batch each; a nested map follows the next level from the loaded
 * targets (`{ session: [Session, { center: CohesionCenter }] }`). Only for relations whose field
 * resolver uses `ctx.loaders.follow` and that every role reading the list may see.
 */
export function followSelected(relations: Record<string, Followed | [Followed, Record<string, Followed>]>, prefix = '') {
  return async (rows: object[], selected: Set<string>, ctx: RequestContext): Promise<void> => {
    await Promise.all(
      Object.entries(relations).map(async ([name, target]) => {
        const path = prefix + name;
        if (!selected.has(path)) return;
        const [entity, nested] = Array.isArray(target) ? target : [target, undefined];
        const loaded = await ctx.loaders.followAll(entity, rows.map((row) => (row as Record<string, { id: string } | null>)[name]));
        const found = loaded.filter((x): x is Identified => x !== null);
        if (nested && found.length) await followSelected(nested, `${path}.`)(found, selected, ctx);
      }),
    );
  };
}

/** Checks paging against the contract (0-based page, capped perPage). */
export function pageWindow(args: PageArgs): { limit: number; offset: number } {
  const perPage = args.perPage ?? DEFAULT_PER_PAGE;
  const page = args.page ?? 0;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    throw badInput(`perPage doit être compris entre 1 et ${MAX_PER_PAGE} (reçu ${perPage}).`, 'perPage');
  }
  if (!Number.isInteger(page) || page < 0) throw badInput(`page doit être un entier positif ou nul (reçu ${page}).`, 'page');
  return { limit: perPage, offset: page * perPage };
}

function orderFromPath(path: string, order: 'ASC' | 'DESC'): Record<string, unknown> {
  return path
    .split('.')
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), order) as Record<string, unknown>;
}

export function sortOrder<T>(options: Pick<ReadResolverOptions<Identified, object>, 'sortable' | 'defaultSort'>, args: ListArgs): QueryOrderMap<T>[] {
  const field = args.sortField || options.defaultSort.field;
  const path = options.sortable[field];
  if (!path) {
    throw badInput(`Tri impossible sur « ${field.slice(0, 60)} ». Champs de tri possibles : ${Object.keys(options.sortable).join(', ')}.`, 'sortField');
  }
  const raw = (args.sortOrder || options.defaultSort.order).toUpperCase();
  if (raw !== 'ASC' && raw !== 'DESC') throw badInput('sortOrder doit valoir ASC ou DESC.', 'sortOrder');
  // The id as a tie-breaker keeps pages stable when many rows share the sort value.
  return [orderFromPath(path, raw) as QueryOrderMap<T>, { id: raw } as QueryOrderMap<T>];
}

/**
 * The repetitive part of every resource: `T(id)`, `allTs(...)` and `_allTsMeta(...)`, named as
 * ra-data-graphql-simple expects. Every read goes through the scope: `ScopedQuery` for the list and
 * its count (same condition, so totals match the rows), the scoped DataLoader for one record.
 */
export function createReadResolver<T extends Identified, F extends object>(options: ReadResolverOptions<T, F>) {
  const plural = pluralize(options.typeName);

  @ArgsType()
  class FilteredListArgs extends ListArgs {
    @Field(() => options.filterType, { nullable: true })
    filter?: F;
  }

  @ArgsType()
  class FilteredMetaArgs extends PageArgs {
    @Field(() => options.filterType, { nullable: true })
    filter?: F;
  }

  const whereOf = (filter: F | undefined, ctx: RequestContext) => options.where(filter ?? ({} as F), ctx);

  @Resolver()
  abstract class ReadResolver {
    @Authorized(options.roles)
    @Query(() => options.entity, { name: options.typeName, nullable: true, description: `Un élément par son identifiant (null s’il est hors périmètre).` })
    async one(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<T | null> {
      return ctx.loaders.load(options.entity, assertUuid(id));
    }

    @Authorized(options.roles)
    @Query(() => [options.entity], { name: `all${plural}` })
    async list(@Args(() => FilteredListArgs) args: FilteredListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<T[]> {
      // react-admin's getMany sends ids without a page size: answer them all (within the cap).
      const ids = (args.filter as { ids?: string[] } | undefined)?.ids;
      const { limit, offset } = pageWindow(args.perPage === undefined && ids ? { ...args, perPage: Math.min(Math.max(ids.length, 1), MAX_PER_PAGE) } : args);
      const orderBy = sortOrder<T>(options, args);
      const rows = await ScopedQuery.of(ctx.em, options.entity, whereOf(args.filter, ctx)).rows({ limit, offset, orderBy });
      if (options.prefetch && rows.length > 0) await options.prefetch(rows, selectedPaths(info), ctx);
      return rows;
    }

    @Authorized(options.roles)
    @Query(() => ListMetadata, { name: `_all${plural}Meta` })
    async meta(@Args(() => FilteredMetaArgs) args: FilteredMetaArgs, @Ctx() ctx: RequestContext): Promise<ListMetadata> {
      return { count: await ScopedQuery.of(ctx.em, options.entity, whereOf(args.filter, ctx)).count() };
    }
  }
  return ReadResolver;
}
