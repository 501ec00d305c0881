import { useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { ApiError, gql } from '../api';

/**
 * Runs one mutation on a file with its id and the version the page shows (a save by someone else
 * meanwhile is refused, not overwritten), then says so and reloads the page; the server's French
 * message otherwise. `busy` disables the buttons while it runs.
 */
export function useVolunteerMutation(record: { id: string; version: number } | undefined, onDone: () => void) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  /** `intercept` may take over a refusal (return true): the admin's « valider malgré l’objectif ». */
  const run = async (query: string, variables: Record<string, unknown>, done = 'actions.done', intercept?: (error: ApiError) => boolean) => {
    if (!record) return;
    setBusy(true);
    try {
      await gql(query, { id: record.id, version: record.version, ...variables });
      notify(done, { type: 'success' });
      onDone();
      refresh();
    } catch (error) {
      if (error instanceof ApiError && intercept?.(error)) return;
      const message = error instanceof ApiError && error.code === 'CONFLICT' ? translate('actions.conflict') : (error as Error).message;
      notify(message, { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
