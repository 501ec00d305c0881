import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { ReferenceData } from '../database/reference-data';
import type { MaybePromise, RecordLoaders, RefLike } from '../kernel/request-context';
import { SCOPE_FILTER } from './rules';

interface Identified {
  id: string;
}

/**
 * Per-request DataLoaders, built on the request's scoped EntityManager.
 *
 * - `load` / `children`: the target follows its own scope rule (lists, collections, anything a
 *   client names by id).
 * - `follow`: the target is reached from a parent the user may read (e.g. the session a visible
 *   volunteer is placed in, possibly in another department). The decision to follow is made per
 *   relation, in the field resolver, never for a client-supplied id.
 */
export class Loaders implements RecordLoaders {
  private readonly byId = new Map<string, DataLoader<string, unknown>>();
  private readonly byParent = new Map<string, DataLoader<string, unknown[]>>();
  /**
   * What the batches have already answered in this request, per loader. A field resolver that
   * finds its record here answers synchronously, so GraphQL completes the whole row without a
   * promise (list resolvers prefetch the relations their selection asks for).
   */
  private readonly known = new Map<string, Map<string, unknown>>();

  constructor(
    private readonly em: EntityManager,
    private readonly reference: ReferenceData | null = null,
  ) {}

  private static key(entity: EntityClass<unknown>, followed: boolean): string {
    return `${entity.name}:${followed ? 'followed' : 'scoped'}`;
  }

  private loader<T extends Identified>(entity: EntityClass<T>, followed: boolean): DataLoader<string, T | null> {
    const key = Loaders.key(entity, followed);
    let loader = this.byId.get(key) as DataLoader<string, T | null> | undefined;
    if (!loader) {
      const known = new Map<string, unknown>();
      this.known.set(key, known);
      loader = new DataLoader<string, T | null>(async (ids) => {
        const rows = await this.em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>, {
          // Following a relation of a readable parent: the target's own scope does not apply.
          filters: followed ? { [SCOPE_FILTER]: false } : undefined,
        });
        const found = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => {
          const value = found.get(id) ?? null;
          known.set(id, value);
          return value;
        });
      });
      this.byId.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  /** A record by id, within the user's scope (null when out of scope or absent). */
  load<T extends Identified>(entity: EntityClass<T>, id: string): Promise<T | null> {
    const reference = this.reference?.get(entity, id);
    return Promise.resolve(reference !== undefined ? reference : this.loader(entity, false).load(id));
  }

  /** The target of a relation whose parent the user may read (synchronous when already known). */
  follow<T extends Identified>(entity: EntityClass<T>, ref: RefLike | null | undefined): MaybePromise<T | null> {
    if (!ref) return null;
    const reference = this.reference?.get(entity, ref.id);
    if (reference !== undefined) return reference;
    const known = this.known.get(Loaders.key(entity, true))?.get(ref.id);
    if (known !== undefined) return known as T | null;
    return this.loader(entity, true).load(ref.id);
  }

  /** Follows one relation for many parents in one batch (list resolvers prefetch this way). */
  followAll<T extends Identified>(entity: EntityClass<T>, refs: readonly (RefLike | null | undefined)[]): Promise<(T | null)[]> {
    return Promise.all(refs.map((ref) => this.follow(entity, ref)));
  }

  /** A one-to-many collection, batched over parents, each child checked against its own scope. */
  children<T extends object>(entity: EntityClass<T>, foreignKey: keyof T & string, parentId: string, orderBy: Record<string, 'asc' | 'desc'> = {}): Promise<T[]> {
    const key = `${entity.name}.${foreignKey}`;
    let loader = this.byParent.get(key) as DataLoader<string, T[]> | undefined;
    if (!loader) {
      loader = new DataLoader<string, T[]>(async (parentIds) => {
        const rows = await this.em.find(entity, { [foreignKey]: { $in: [...parentIds] } } as FilterQuery<T>, {
          orderBy: { ...orderBy, id: 'asc' } as never,
        });
        const grouped = new Map<string, T[]>(parentIds.map((id) => [id, []]));
        for (const row of rows) {
          const parent = (row as Record<string, unknown>)[foreignKey] as RefLike | null;
          if (parent) grouped.get(parent.id)?.push(row);
        }
        return parentIds.map((id) => grouped.get(id) ?? []);
      });
      this.byParent.set(key, loader as DataLoader<string, unknown[]>);
    }
    return loader.load(parentId);
  }
}
