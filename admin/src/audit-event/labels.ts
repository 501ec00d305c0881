import type { TranslateFunction as Translate } from 'react-admin';

/** Record types whose page the console can open from an event. */
export const LINKED_TYPES = ['Volunteer', 'Cohort', 'CohesionCenter', 'Session', 'MeetingPoint', 'TransportLine'];

export const RECORD_TYPES = [...LINKED_TYPES, 'User', 'AssignmentSimulation'];

const VERBS: Record<string, string> = { CREATED: 'created', UPDATED: 'updated', DELETED: 'deleted', ARCHIVED: 'archived' };

/** « a validé le dossier », or for the generic record writes « a créé : Centre ». */
export function actionLabel(translate: Translate, action: string, recordType: string): string {
  const own = translate(`audit.${action}`, { _: '' });
  if (own) return own;
  const verb = VERBS[action.slice(action.lastIndexOf('_') + 1)];
  if (verb) return `${translate(`audit.verbs.${verb}`)} ${translate(`resources.${recordType}.name`, { smart_count: 1, _: recordType })}`;
  return action;
}

const ENUM_OF_FIELD: Record<string, string> = { status: 'VolunteerStatus', phase1Status: 'Phase1Status', refusalReason: 'RefusalReason' };

/** A changed value as the reader expects it: enums in words, empty as ∅, lists joined. */
export function changeValue(translate: Translate, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '∅';
  if (typeof value === 'boolean') return translate(value ? 'app.yes' : 'app.no');
  if (typeof value === 'string' && ENUM_OF_FIELD[field]) return translate(`enums.${ENUM_OF_FIELD[field]}.${value}`, { _: value });
  if (Array.isArray(value)) return value.map((v) => changeValue(translate, field, v)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The French label of a changed field of a record type, the field's name otherwise. */
export const fieldLabel = (translate: Translate, recordType: string, field: string): string => translate(`resources.${recordType}.fields.${field}`, { _: field });
