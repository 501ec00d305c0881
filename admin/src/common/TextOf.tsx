import { FunctionField } from 'react-admin';

/** A label/value field computed from the record, e.g. "75 – Paris". */
export function TextOf<T extends Record<string, unknown>>({ source, label, render, sortBy, sortable }: { source: string; label?: string; render: (record: T) => string | null | undefined; sortBy?: string; sortable?: boolean }) {
  return <FunctionField<T> source={source} label={label} sortBy={sortBy} sortable={sortable} render={(record) => (record ? (render(record) ?? '—') : '—')} />;
}

export interface Coded {
  code: string;
  name: string;
}

export const coded = (value: Coded | null | undefined) => (value ? `${value.code} – ${value.name}` : '—');
