import { AutocompleteInput, ReferenceInput, required } from 'react-admin';
import { coded, type Coded } from './coded';
import { CODED } from './sparse';

/** A department of the user's scope (a regional manager's region; every department for admins). */
export function DepartmentInput({ source = 'departmentId' }: { source?: string }) {
  return (
    <ReferenceInput source={source} reference="Department" filter={{ inMyScope: true }} sort={{ field: 'code', order: 'ASC' }} perPage={200} queryOptions={{ meta: { sparseFields: CODED } }}>
      <AutocompleteInput optionText={(d: Coded) => coded(d)} filterToQuery={(q: string) => ({ q })} validate={required()} />
    </ReferenceInput>
  );
}
