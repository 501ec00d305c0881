import Autocomplete from '@mui/material/Autocomplete';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import MuiTextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { Button, useLocale, useNotify, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { downloadFile } from '../common/download';
import { isPlacementManager, type Role } from '../authProvider';
import { formatDeparture } from '../transport-line/fields';
import type { VolunteerRecord } from './fields';
import { useVolunteerMutation } from './useVolunteerMutation';
import { meetingPointsFor, type MeetingPointChoice, type SessionChoice, sessionsFor } from './placement';

type Dialogs = 'ASSIGN' | 'UNASSIGN' | 'NOT_DONE' | null;

/** Who may record the stay (the server decides; this only hides buttons that would be refused). */
const STAY_ROLES: readonly Role[] = ['ADMIN', 'HEAD_CENTER'];

/**
 * The placement's actions on a file: assign, change or cancel the assignment (regional managers,
 * admins), download the convocation (anyone who reads the file), record the arrival and the end of
 * the stay (head of centre, admins).
 */
export function VolunteerPlacementActions() {
  const record = useRecordContext<VolunteerRecord>();
  const { permissions } = usePermissions<Role>();
  const notify = useNotify();
  const [dialog, setDialog] = useState<Dialogs>(null);
  const { busy, run } = useVolunteerMutation(record, () => setDialog(null));
  if (!record || !permissions) return null;

  const assigned = record.phase1Status === 'ASSIGNED' && !!record.session;
  const canPlace = isPlacementManager(permissions) && record.status === 'VALIDATED' && (record.phase1Status === 'WAITING_ASSIGNMENT' || record.phase1Status === 'ASSIGNED');
  const canRecordStay = STAY_ROLES.includes(permissions) && assigned;


  return (
    <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap sx={{ mt: 2 }}>
      {canPlace && <Button label={assigned ? 'placement.reassign' : 'placement.assign'} variant="contained" disabled={busy} onClick={() => setDialog('ASSIGN')} />}
      {canPlace && assigned && <Button label="placement.unassign" color="error" disabled={busy} onClick={() => setDialog('UNASSIGN')} />}
      {assigned && (
        <Button
          label="placement.convocation"
          onClick={() => downloadFile(`/volunteers/${record.id}/convocation.pdf`, 'convocation-snu.pdf').catch((error: Error) => notify(error.message, { type: 'error', multiLine: true }))}
        />
      )}
      {canRecordStay && !record.arrivedAt && (
        <Button label="placement.arrived" disabled={busy} onClick={() => run('mutation($id: ID!, $version: Int) { recordVolunteerArrival(id: $id, version: $version) { id } }', {}, 'placement.arrival_recorded')} />
      )}
      {canRecordStay && record.arrivedAt && (
        <Button label="placement.done" disabled={busy} onClick={() => run('mutation($id: ID!, $version: Int) { recordVolunteerStayEnd(id: $id, version: $version, completed: true) { id } }', {}, 'placement.stay_recorded')} />
      )}
      {canRecordStay && <Button label="placement.not_done" color="error" disabled={busy} onClick={() => setDialog('NOT_DONE')} />}
      {dialog === 'ASSIGN' && (
        <AssignDialog
          record={record}
          busy={busy}
          onClose={() => setDialog(null)}
          onSubmit={(sessionId, meetingPointId) =>
            run('mutation($id: ID!, $version: Int, $sessionId: ID!, $meetingPointId: ID) { assignVolunteer(id: $id, version: $version, sessionId: $sessionId, meetingPointId: $meetingPointId) { id } }', { sessionId, meetingPointId }, 'placement.assigned')
          }
        />
      )}
      {dialog === 'UNASSIGN' && (
        <ConfirmDialog
          title="placement.unassign_title"
          text="placement.unassign_text"
          confirm="placement.unassign"
          busy={busy}
          onClose={() => setDialog(null)}
          onConfirm={() => run('mutation($id: ID!, $version: Int) { unassignVolunteer(id: $id, version: $version) { id } }', {}, 'placement.unassigned')}
        />
      )}
      {dialog === 'NOT_DONE' && (
        <ConfirmDialog
          title="placement.not_done_title"
          text="placement.not_done_text"
          confirm="placement.not_done"
          busy={busy}
          onClose={() => setDialog(null)}
          onConfirm={() => run('mutation($id: ID!, $version: Int) { recordVolunteerStayEnd(id: $id, version: $version, completed: false) { id } }', {}, 'placement.stay_recorded')}
        />
      )}
    </Stack>
  );
}

function ConfirmDialog({ title, text, confirm, busy, onClose, onConfirm }: { title: string; text: string; confirm: string; busy: boolean; onClose: () => void; onConfirm: () => void }) {
  const translate = useTranslate();
  return (
    <Dialog open onClose={onClose} aria-labelledby="placement-confirm-title">
      <DialogTitle id="placement-confirm-title">{translate(title)}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate(text)}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button label={confirm} color="error" variant="contained" disabled={busy} onClick={onConfirm} />
      </DialogActions>
    </Dialog>
  );
}

const NO_MEETING_POINT = '';

/** Session (of the volunteer's cohort, with a place left), then a meeting point on one of its lines with a seat left, or none. */
function AssignDialog({ record, busy, onClose, onSubmit }: { record: VolunteerRecord; busy: boolean; onClose: () => void; onSubmit: (sessionId: string, meetingPointId: string | null) => void }) {
  const translate = useTranslate();
  const locale = useLocale();
  const [sessions, setSessions] = useState<SessionChoice[] | null>(null);
  const [session, setSession] = useState<SessionChoice | null>(null);
  const [points, setPoints] = useState<MeetingPointChoice[] | null>(null);
  const [meetingPointId, setMeetingPointId] = useState(NO_MEETING_POINT);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    sessionsFor(record.cohortId, record.session?.id ?? null).then(setSessions, (e: Error) => setError(e.message));
  }, [record.cohortId, record.session?.id]);
  useEffect(() => {
    setPoints(null);
    setMeetingPointId(NO_MEETING_POINT);
    if (!session) return;
    // In its own session the volunteer keeps its seat: that line counts as having one.
    const heldLineId = session.id === record.session?.id ? (record.transportLine?.id ?? null) : null;
    meetingPointsFor(session.id, record.departmentId, heldLineId).then((found) => {
      setPoints(found);
      setMeetingPointId(found[0]?.meetingPointId ?? NO_MEETING_POINT);
    }, (e: Error) => setError(e.message));
  }, [session, record.departmentId, record.session?.id, record.transportLine?.id]);

  const sessionLabel = (s: SessionChoice) => `${s.center.name} (${s.center.city}, ${s.center.department.code}) — ${translate('placement.places_left', { smart_count: s.placesLeft })}`;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="assign-title">
      <DialogTitle id="assign-title">{translate('placement.assign_title', { name: `${record.firstName} ${record.lastName}` })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {error && <DialogContentText color="error">{error}</DialogContentText>}
          <Autocomplete
            options={sessions ?? []}
            loading={sessions === null}
            value={session}
            onChange={(_event, value) => setSession(value)}
            getOptionLabel={sessionLabel}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            noOptionsText={translate('placement.no_session')}
            loadingText={translate('ra.page.loading')}
            renderInput={(params) => <MuiTextField {...params} label={translate('placement.session')} autoFocus />}
          />
          {session && (
            <MuiTextField select label={translate('placement.meeting_point')} value={meetingPointId} onChange={(event) => setMeetingPointId(event.target.value)} disabled={points === null}>
              {(points ?? []).map((p) => (
                <MenuItem key={p.meetingPointId} value={p.meetingPointId}>
                  {translate('placement.meeting_point_option', { label: p.label, line: p.lineCode, departure: formatDeparture(p.departureAt, locale), smart_count: p.seatsLeft })}
                </MenuItem>
              ))}
              <MenuItem value={NO_MEETING_POINT}>{translate('placement.own_means')}</MenuItem>
            </MuiTextField>
          )}
          {session && <DialogContentText>{translate('placement.assign_effect')}</DialogContentText>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button label="placement.assign" variant="contained" disabled={busy || !session} onClick={() => session && onSubmit(session.id, meetingPointId || null)} />
      </DialogActions>
    </Dialog>
  );
}
