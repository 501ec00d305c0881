import { ApiError, gql } from '../api';

/**
 * How the console writes a placement record: the API takes `createX(input)`,
 * `updateX(id, input, version)` and `deleteX(id)` (API-CONTRACT.md, "Placement"), not the flat
 * arguments ra-data-graphql-simple would send, so these resources bypass it for writes.
 */
export interface RecordWrites {
  /** GraphQL type name, e.g. `CohesionCenter` (mutations `createCohesionCenter`…). */
  type: string;
  /** Fields of the record returned by a write: those its show page reads, so the cache stays whole. */
  selection: string;
  /** The form's values as the mutation's input. */
  toInput(values: Record<string, unknown>): Record<string, unknown>;
  /** When the API names them otherwise (staff accounts: `inviteUser(input: InviteUserInput!)`). */
  create?: { mutation: string; inputType: string };
  update?: { inputType: string };
}

type Values = Record<string, unknown>;

/**
 * A refused write as react-admin's server-side validation expects it: the server's French
 * message on the field it names (`extensions.field`) and as the form's root error.
 */
function withFormErrors(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.field) return error;
  const field = error.field.split('.')[0]!;
  return Object.assign(error, { body: { errors: { [field]: error.message, root: { serverError: error.message } } } });
}

async function run<T>(query: string, variables: Values): Promise<T> {
  try {
    return await gql<T>(query, variables);
  } catch (error) {
    throw withFormErrors(error);
  }
}

export async function createRecord(writes: RecordWrites, data: Values): Promise<{ data: Values }> {
  const name = writes.create?.mutation ?? `create${writes.type}`;
  const inputType = writes.create?.inputType ?? `${writes.type}Input`;
  const result = await run<Record<string, Values>>(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${writes.selection} } }`, { input: writes.toInput(data) });
  return { data: result[name]! };
}

/** With the version the page was loaded with: someone else's save meanwhile is a CONFLICT, not an overwrite. */
export async function updateRecord(writes: RecordWrites, id: string, data: Values, previousData: Values | undefined): Promise<{ data: Values }> {
  const name = `update${writes.type}`;
  const version = (previousData?.version ?? data.version) as number | undefined;
  const result = await run<Record<string, Values>>(
    `mutation($id: ID!, $input: ${writes.update?.inputType ?? `${writes.type}Input`}!, $version: Int) { ${name}(id: $id, input: $input, version: $version) { ${writes.selection} } }`,
    { id, input: writes.toInput(data), version },
  );
  return { data: result[name]! };
}

export async function deleteRecord(writes: RecordWrites, id: string, previousData: Values | undefined): Promise<{ data: Values }> {
  await run(`mutation($id: ID!) { delete${writes.type}(id: $id) }`, { id });
  return { data: previousData ?? { id } };
}
