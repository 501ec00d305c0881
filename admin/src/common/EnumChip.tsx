import Chip from '@mui/material/Chip';
import { useRecordContext, useTranslate } from 'react-admin';

type Colour = 'default' | 'primary' | 'success' | 'warning' | 'error' | 'info';

const STATUS_COLOURS: Record<string, Colour> = {
  VALIDATED: 'success',
  WAITING_VALIDATION: 'primary',
  WAITING_CORRECTION: 'warning',
  WAITING_LIST: 'info',
  REFUSED: 'error',
  NOT_ELIGIBLE: 'error',
  NOT_AUTHORIZED: 'error',
  ASSIGNED: 'success',
  DONE: 'success',
  NOT_DONE: 'error',
  WAITING_ASSIGNMENT: 'primary',
  SENT: 'success',
  QUEUED: 'info',
  FAILED: 'error',
  REMINDED: 'warning',
  CORRECTED: 'success',
  CANCELED: 'default',
  PUBLISHED: 'success',
  ARCHIVED: 'default',
};

/** A coloured chip with the French label of an enum value (`enums.<Enum>.<VALUE>`). */
export function EnumChip({ source, enumName }: { source: string; enumName: string; label?: string; sortable?: boolean; sortBy?: string }) {
  const record = useRecordContext<Record<string, unknown>>();
  const translate = useTranslate();
  const value = record?.[source];
  if (typeof value !== 'string') return null;
  return <Chip size="small" color={STATUS_COLOURS[value] ?? 'default'} label={translate(`enums.${enumName}.${value}`, { _: value })} />;
}

/** Choices for a SelectInput over an enum, labelled in the current language. */
export function enumChoices(enumName: string, values: readonly string[]) {
  return values.map((id) => ({ id, name: `enums.${enumName}.${id}` }));
}

export const VOLUNTEER_STATUSES = ['WAITING_VALIDATION', 'WAITING_CORRECTION', 'VALIDATED', 'WAITING_LIST', 'REFUSED', 'WITHDRAWN', 'IN_PROGRESS', 'ABANDONED', 'NOT_AUTHORIZED', 'NOT_ELIGIBLE'] as const;
export const PHASE1_STATUSES = ['WAITING_ASSIGNMENT', 'ASSIGNED', 'DONE', 'NOT_DONE', 'EXEMPTED'] as const;
