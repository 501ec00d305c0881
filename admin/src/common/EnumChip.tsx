import Chip from '@mui/material/Chip';
import { useRecordContext, useTranslate } from 'react-admin';

type Colour = 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info';

const COLOURS: Record<string, Colour> = {
  // VolunteerStatus
  IN_PROGRESS: 'default',
  WAITING_VALIDATION: 'primary',
  WAITING_CORRECTION: 'warning',
  VALIDATED: 'success',
  WAITING_LIST: 'info',
  REFUSED: 'error',
  WITHDRAWN: 'default',
  ABANDONED: 'default',
  NOT_AUTHORIZED: 'error',
  NOT_ELIGIBLE: 'error',
  // Phase1Status
  WAITING_ASSIGNMENT: 'primary',
  ASSIGNED: 'success',
  DONE: 'success',
  NOT_DONE: 'error',
  EXEMPTED: 'info',
  // EmailStatus, CorrectionRequestStatus, CohortStatus
  QUEUED: 'info',
  SENT: 'success',
  FAILED: 'error',
  PENDING: 'warning',
  REMINDED: 'warning',
  CORRECTED: 'success',
  CANCELED: 'default',
  PUBLISHED: 'success',
  ARCHIVED: 'default',
};

interface EnumChipProps {
  source: string;
  enumName: string;
  /** Read by Datagrid and Labeled for the column header / label. */
  label?: string;
  sortable?: boolean;
  sortBy?: string;
}

/** A coloured chip with the label of an enum value in the current language (`enums.<Enum>.<VALUE>`). */
export function EnumChip({ source, enumName }: EnumChipProps) {
  const record = useRecordContext<Record<string, unknown>>();
  const translate = useTranslate();
  const value = record?.[source];
  if (typeof value !== 'string') return null;
  return <Chip size="small" color={COLOURS[value] ?? 'default'} label={translate(`enums.${enumName}.${value}`, { _: value })} />;
}

/** Choices for a SelectInput over an enum, labelled in the current language. */
export function enumChoices(enumName: string, values: readonly string[]) {
  return values.map((id) => ({ id, name: `enums.${enumName}.${id}` }));
}

export const VOLUNTEER_STATUSES = ['WAITING_VALIDATION', 'WAITING_CORRECTION', 'VALIDATED', 'WAITING_LIST', 'REFUSED', 'WITHDRAWN', 'IN_PROGRESS', 'ABANDONED', 'NOT_AUTHORIZED', 'NOT_ELIGIBLE'] as const;
export const PHASE1_STATUSES = ['WAITING_ASSIGNMENT', 'ASSIGNED', 'DONE', 'NOT_DONE', 'EXEMPTED'] as const;
