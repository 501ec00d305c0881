import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { gql } from '../api';

/**
 * One API action from a button: `busy` while it runs, then the success message and a refresh of
 * the page's data, or a fresh start of the whole console after a change of identity
 * (impersonation); the server's French message otherwise.
 */
export function useApiAction() {
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const run = async (query: string, variables: Record<string, unknown>, after: { success: string; done?: () => void } | 'restart'): Promise<void> => {
    setBusy(true);
    try {
      await gql(query, variables);
    } catch (error) {
      notify((error as Error).message, { type: 'error', multiLine: true });
      setBusy(false);
      return;
    }
    if (after === 'restart') {
      window.location.assign('/#/');
      window.location.reload();
      return;
    }
    notify(after.success, { type: 'success' });
    after.done?.();
    refresh();
    setBusy(false);
  };
  return { busy, run };
}
