import { Checkbox, TableCell, TableRow } from '@mui/material';
import clsx from 'clsx';
import { Children, isValidElement, type KeyboardEvent, type MouseEvent, type ReactElement, type ReactNode } from 'react';
import {
  Datagrid as RaDatagrid,
  DatagridBody,
  DatagridCell,
  DatagridClasses,
  DatagridConfigurable as RaDatagridConfigurable,
  type DatagridConfigurableProps,
  type DatagridProps,
  type DatagridRowProps,
  type RaRecord,
  useGetPathForRecordCallback,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';

/** How a row names its record for assistive technology (« Sélectionner Maya Marie »). */
export type RowLabel = (record: RaRecord) => string;

interface AccessibleRowProps extends DatagridRowProps {
  rowLabel?: RowLabel;
}

type FieldElement = ReactElement<{ source?: string }>;

/**
 * A list row usable by keyboard: focusable when it opens something (Enter or Space opens it,
 * like a click), and its selection checkbox labels its `<input>` with the record's name.
 * react-admin's own row puts `aria-label` on the checkbox's wrapper instead of the input
 * (axe-core: « label », critical) and cannot be focused; rows with an expand panel keep it.
 */
function AccessibleDatagridRow({ id, className, style, hover, children, hasBulkActions, selectable = true, selected, onToggleItem, rowClick, resource, rowLabel }: AccessibleRowProps) {
  const record = useRecordContext();
  const translate = useTranslate();
  const navigate = useNavigate();
  const getPathForRecord = useGetPathForRecordCallback();
  if (!record || id === undefined) return null;
  const opens = rowClick !== false && typeof rowClick !== 'undefined';
  const name = rowLabel?.(record);

  const open = async () => {
    const link = typeof rowClick === 'function' ? await rowClick(record.id, resource ?? '', record) : rowClick;
    if (link === false || link === 'expand' || link === 'toggleSelection') return;
    const path = await getPathForRecord({ record, resource, link });
    if (path) navigate(path, { state: { _scrollToTop: true } });
  };
  const toggle = (event: MouseEvent<HTMLButtonElement>) => {
    event.stopPropagation();
    if (selectable && onToggleItem) onToggleItem(id, event);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    void open();
  };

  return (
    <TableRow
      className={clsx(className, { [DatagridClasses.selectable]: selectable, [DatagridClasses.clickableRow]: opens })}
      style={style}
      hover={hover}
      onClick={opens ? () => void open() : undefined}
      tabIndex={opens ? 0 : undefined}
      onKeyDown={opens ? onKeyDown : undefined}
      sx={{ '&:focus-visible': { outline: '2px solid #0a76f6', outlineOffset: '-2px' } }}
    >
      {hasBulkActions && (
        <TableCell padding="checkbox">
          <Checkbox
            color="primary"
            className={`select-item ${DatagridClasses.checkbox}`}
            checked={selectable && !!selected}
            onClick={toggle}
            disabled={!selectable}
            slotProps={{ input: { 'aria-label': name ? translate('app.list.select_row', { name }) : translate('ra.action.select_row') } }}
          />
        </TableCell>
      )}
      {Children.map(children, (field, index) =>
        isValidElement(field) ? (
          <DatagridCell
            key={`${id}-${(field as FieldElement).props.source ?? index}`}
            className={clsx(`column-${(field as FieldElement).props.source}`, DatagridClasses.rowCell)}
            record={record}
            field={field as FieldElement}
            resource={resource ?? ''}
          />
        ) : null,
      )}
    </TableRow>
  );
}

const accessibleBody = (rowLabel?: RowLabel) => <DatagridBody row={<AccessibleDatagridRow rowLabel={rowLabel} />} />;

/**
 * The console's Datagrid: react-admin's, with keyboard-operable rows (see AccessibleDatagridRow).
 * `rowLabel` names each row's record for screen readers. Lists with `expand` keep react-admin's row.
 */
export function Datagrid({ rowLabel, ...props }: DatagridProps & { rowLabel?: RowLabel; children?: ReactNode }) {
  return <RaDatagrid {...(props.expand ? {} : { body: accessibleBody(rowLabel) })} {...props} />;
}

/** The same, with columns the user may hide or show (« Colonnes »), remembered in the browser. */
export function DatagridConfigurable({ rowLabel, ...props }: DatagridConfigurableProps & { rowLabel?: RowLabel; children?: ReactNode }) {
  return <RaDatagridConfigurable body={accessibleBody(rowLabel)} {...props} />;
}
