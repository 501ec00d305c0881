import { EnumChip } from '../common/EnumChip';

/** Datagrid reads `source`, `label`, `sortBy` from the element: write `source` at the call site. */
interface ChipProps {
  source?: string;
  label?: string;
  sortable?: boolean;
  sortBy?: string;
}

/** The registration status, coloured, with its French label ("En attente de validation"…). */
export function VolunteerStatusChip({ source = 'status' }: ChipProps) {
  return <EnumChip source={source} enumName="VolunteerStatus" />;
}

/** The stay (phase 1) status, coloured ("Affecté", "Séjour effectué"…); empty before validation. */
export function Phase1StatusChip({ source = 'phase1Status' }: ChipProps) {
  return <EnumChip source={source} enumName="Phase1Status" />;
}
