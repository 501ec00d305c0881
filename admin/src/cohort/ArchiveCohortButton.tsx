import ArchiveIcon from '@mui/icons-material/Archive';
import { useState } from 'react';
import { Button, Confirm, useRecordContext, useTranslate } from 'react-admin';
import { useApiAction } from '../common/useApiAction';

/** « Archiver », after a confirmation that says what it does; admins only (the page shows it to them alone). */
export function ArchiveCohortButton() {
  const record = useRecordContext<{ id: string; name: string; status: string }>();
  const [open, setOpen] = useState(false);
  const { busy, run } = useApiAction();
  const translate = useTranslate();
  if (!record || record.status === 'ARCHIVED') return null;
  const archive = () => run('mutation($id: ID!) { archiveCohort(id: $id) { id status version } }', { id: record.id }, { success: 'app.cohort.archived', done: () => setOpen(false) });
  return (
    <>
      <Button label="app.cohort.archive" color="warning" onClick={() => setOpen(true)} startIcon={<ArchiveIcon />} />
      <Confirm
        isOpen={open}
        loading={busy}
        title={translate('app.cohort.archive_title', { name: record.name })}
        content="app.cohort.archive_content"
        confirm="app.cohort.archive"
        onConfirm={archive}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
