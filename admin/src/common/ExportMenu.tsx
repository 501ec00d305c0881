import DownloadIcon from '@mui/icons-material/Download';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useListContext, useNotify, useTranslate } from 'react-admin';
import { downloadFile } from './download';

/** Keeps the filters a user set (react-admin may hold empty values for cleared inputs). */
function meaningful(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== null && value !== ''));
}

/**
 * « Exporter » → CSV or Excel: every result of the list's current filters and sort, within the
 * user's scope, not only the page on screen (`/exports/<list>.<format>`); while it downloads, the
 * amount received so far.
 */
export function ExportMenu({ list }: { list: 'volunteers' | 'cohesion-centers' | 'sessions' | 'audit-events' }) {
  const translate = useTranslate();
  const notify = useNotify();
  const { filterValues, sort, total } = useListContext();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [received, setReceived] = useState<number | null>(null);
  const run = async (format: 'csv' | 'xlsx') => {
    setAnchor(null);
    setReceived(0);
    const params = new URLSearchParams({ filter: JSON.stringify(meaningful(filterValues ?? {})), sortField: sort.field, sortOrder: sort.order });
    try {
      await downloadFile(`/exports/${list}.${format}?${params.toString()}`, `${list}.${format}`, setReceived);
    } catch (error) {
      notify((error as Error).message, { type: 'error', multiLine: true });
    } finally {
      setReceived(null);
    }
  };
  if (received !== null) {
    return (
      <Box sx={{ minWidth: 200 }} role="status">
        <Typography variant="caption">{translate('app.export.progress', { size: (received / 2 ** 20).toLocaleString('fr-FR', { maximumFractionDigits: 1 }) })}</Typography>
        <LinearProgress aria-label={translate('app.export.progress', { size: '' })} />
      </Box>
    );
  }
  return (
    <>
      <Button size="small" disabled={!total} startIcon={<DownloadIcon />} title={translate('app.export_csv_title')} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">
        {translate('app.export.label')}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void run('csv')}>{translate('app.export.csv')}</MenuItem>
        <MenuItem onClick={() => void run('xlsx')}>{translate('app.export.xlsx')}</MenuItem>
      </Menu>
    </>
  );
}
