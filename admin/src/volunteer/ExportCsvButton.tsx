import DownloadIcon from '@mui/icons-material/Download';
import Button from '@mui/material/Button';
import { useListContext, useTranslate } from 'react-admin';

/** Keeps the filters a user set (react-admin may hold empty values for cleared inputs). */
function meaningful(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== null && value !== ''));
}

/**
 * Downloads the list as CSV from the server (`/exports/volunteers.csv`): every result of the
 * current filters and sort, within the user's scope, not only the page on screen.
 */
export function ExportCsvButton() {
  const translate = useTranslate();
  const { filterValues, sort, total } = useListContext();
  const params = new URLSearchParams({ filter: JSON.stringify(meaningful(filterValues ?? {})), sortField: sort.field, sortOrder: sort.order });
  return (
    <Button
      size="small"
      href={`/exports/volunteers.csv?${params.toString()}`}
      download
      disabled={!total}
      startIcon={<DownloadIcon />}
      title={translate('app.export_csv_title')}
    >
      {translate('app.export_csv')}
    </Button>
  );
}
