/**
 * The fields a page asks of the API, in ra-data-graphql-simple's `meta.sparseFields` notation:
 * plain names for scalars, `{ relation: [...] }` for nested objects (any depth). A nested
 * resource without its own list is fetched as `{ id }` only.
 */
export type SparseFields = Array<string | { [relation: string]: SparseFields }>;

export const CODED: SparseFields = ['id', 'code', 'name'];
