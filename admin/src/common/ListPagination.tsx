import { Pagination } from 'react-admin';

/** 25, 50 or 100 rows per page on every list. */
export function ListPagination() {
  return <Pagination rowsPerPageOptions={[25, 50, 100]} />;
}
