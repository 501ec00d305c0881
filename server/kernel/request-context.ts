import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from '../config';
import type { CurrentUser } from './current-user';

/** What a field resolver may return: a value it already has, or a promise of it. */
export type MaybePromise<T> = T | Promise<T>;

/** A relation as stored on an entity or a row view: a reference (or null) whose id is known without loading. */
export interface RefLike {
  id: string;
}

/**
 * The request's DataLoaders (implemented by `server/scope/loaders.ts`). `load` and `children`
 * apply the target's own scope; `follow` reads the target of a relation whose parent the user
 * could read (decided per relation, never for a client-supplied id).
 */
export interface RecordLoaders {
  load<T extends { id: string }>(entity: EntityClass<T>, id: string): Promise<T | null>;
  follow<T extends { id: string }>(entity: EntityClass<T>, ref: RefLike | null | undefined): MaybePromise<T | null>;
  followAll<T extends { id: string }>(entity: EntityClass<T>, refs: readonly (RefLike | null | undefined)[]): Promise<(T | null)[]>;
  children<T extends object>(entity: EntityClass<T>, foreignKey: keyof T & string, parentId: string, orderBy?: Record<string, 'asc' | 'desc'>): Promise<T[]>;
}

/** Enqueues work after the deciding transaction commits (implemented by `server/jobs/jobs.ts`). */
export interface JobQueue {
  emailsQueued(ids: string[]): Promise<void>;
  /** A staff login code (second factor) to e-mail; not recorded in the e-mail table the console shows. */
  loginCodeQueued(message: { to: string; code: string; minutes: number }): Promise<void>;
  /** A RUNNING assignment simulation to compute in the background. */
  simulationQueued(id: string): Promise<void>;
}

/**
 * What every resolver and service receives. `em` and `loaders` are scoped to `user` by
 * `server/auth/context.ts`; with no user, any read of a scoped entity throws.
 */
export interface RequestContext {
  em: EntityManager;
  loaders: RecordLoaders;
  user: CurrentUser | null;
  config: AppConfig;
  logger: Logger;
  /** The job queue, to enqueue work after a transaction commits (null when jobs are off). */
  jobs: JobQueue | null;
  req: Request;
  res: Response;
}

/**
 * The parent of a field resolver (`@Root() volunteer: Row<Volunteer>`): an entity or a list page's
 * row view (`scope/row-views.ts`), read-only. Written as an alias on purpose: the decorator
 * metadata then says `Object`, and type-graphql passes the parent as it is instead of copying it
 * into a new instance of the entity class for every field of every row.
 */
export type Row<T> = Readonly<T>;
