import type { RequestContext } from '../../kernel/request-context';
import { Role } from '../../kernel/roles';
import { badInput, forbidden } from '../../kernel/errors';
import { findInScope } from '../../scope/write-guard';
import { requireUser } from '../../kernel/permissions';
import { assertUuid } from '../../common/validation';
import { recordAudit } from '../audit-event/audit.service';
import { Volunteer } from '../volunteer/volunteer.entity';
import { Note } from './note.entity';
import { inTransaction } from '../../common/transaction';

const MAX_NOTE = 5000;

export async function createNote(ctx: RequestContext, volunteerId: string, content: string): Promise<Note> {
  const user = requireUser(ctx);
  const text = content?.trim() ?? '';
  if (!text) throw badInput('La note est vide.', 'content');
  if (text.length > MAX_NOTE) throw badInput(`Une note ne doit pas dépasser ${MAX_NOTE} caractères.`, 'content');
  const id = assertUuid(volunteerId, 'volunteerId');
  return inTransaction(ctx, async (tx) => {
    // The volunteer is loaded through the scope: out of scope is not found.
    const volunteer = await findInScope(tx, Volunteer, id, { label: 'Ce volontaire' });
    const note = tx.create(Note, { volunteer, author: user.id, content: text });
    tx.persist(note);
    recordAudit(tx, user, {
      action: 'NOTE_CREATED',
      recordType: 'Volunteer',
      recordId: volunteer.id,
      departmentId: volunteer.department.id,
      changes: { note: { old: null, new: text } },
    });
    await tx.flush();
    return note;
  });
}

/** Only its author (or an admin) may delete a note; the audit trail keeps its text. */
export async function deleteNote(ctx: RequestContext, noteId: string): Promise<boolean> {
  const user = requireUser(ctx);
  const id = assertUuid(noteId);
  return inTransaction(ctx, async (tx) => {
    const note = await findInScope(tx, Note, id, { label: 'Cette note' });
    if (note.author.id !== user.id && user.role !== Role.ADMIN) throw forbidden();
    const volunteer = await findInScope(tx, Volunteer, note.volunteer.id, { label: 'Cette note' });
    recordAudit(tx, user, {
      action: 'NOTE_DELETED',
      recordType: 'Volunteer',
      recordId: volunteer.id,
      departmentId: volunteer.department.id,
      changes: { note: { old: note.content, new: null } },
    });
    tx.remove(note);
    await tx.flush();
    return true;
  });
}
