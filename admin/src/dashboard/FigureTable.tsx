import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { BarChart } from '@mui/x-charts/BarChart';
import type { ReactNode } from 'react';
import { useFormatters } from '../common/format';

/** Table cells of figures: right-aligned, tabular digits. */
const figureCell = { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' as const };

export interface FigureColumn {
  key: string;
  label: ReactNode;
  /** Left-aligned text instead of a right-aligned figure. */
  text?: boolean;
  /** Bold (a total). */
  strong?: boolean;
}

/**
 * A widget's table: the same figures as its chart, readable without sight. Each row is headed by
 * its label (a territory, a centre); the header stays in view while the rows scroll.
 */
export function FigureTable({ label, columns, rows, maxHeight = 300 }: { label: string; columns: FigureColumn[]; rows: Array<{ key: string; label: ReactNode; cells: ReactNode[] }>; maxHeight?: number }) {
  const sx = (c: FigureColumn) => (c.text ? {} : { ...figureCell, ...(c.strong ? { fontWeight: 600 } : {}) });
  return (
    // Focusable and named: a table that scrolls must be reachable from the keyboard (axe: scrollable-region-focusable).
    <TableContainer sx={{ maxHeight }} tabIndex={0} role="region" aria-label={label}>
      <Table size="small" stickyHeader aria-label={label}>
        <TableHead>
          <TableRow>
            {columns.map((c, i) => (
              <TableCell key={c.key} sx={i === 0 ? {} : { ...sx(c), fontWeight: 500 }}>
                {c.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key} hover>
              <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                {row.label}
              </TableCell>
              {row.cells.map((cell, i) => (
                <TableCell key={columns[i + 1]?.key ?? i} sx={sx(columns[i + 1] ?? { key: '', label: '' })}>
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** Bars stacked by series: one bar per row of `dataset` (`label`), horizontal for territories, vertical for days or bands. */
export function StackedBars({ dataset, series, horizontal = false, height }: {
  dataset: Array<Record<string, string | number>>;
  series: Array<{ key: string; label: string; color: string }>;
  horizontal?: boolean;
  height?: number;
}) {
  const f = useFormatters();
  const integer = (value: number | null) => (value === null ? '' : f.integer(value));
  const band = { scaleType: 'band' as const, dataKey: 'label' };
  const values = { valueFormatter: integer, tickMinStep: 1 };
  return (
    <BarChart
      dataset={dataset}
      layout={horizontal ? 'horizontal' : 'vertical'}
      height={height ?? (horizontal ? 90 + dataset.length * 28 : 240)}
      xAxis={[horizontal ? values : band]}
      yAxis={[horizontal ? { ...band, width: 220 } : values]}
      series={series.map((s) => ({ dataKey: s.key, label: s.label, stack: 'total', color: s.color, valueFormatter: integer }))}
    />
  );
}
