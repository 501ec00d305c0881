import type { RequestContext } from '../../auth/context';
import { Role } from '../../auth/roles';
import { badInput, forbidden, notFound } from '../../common/errors';
import { requireUser } from '../../common/require-user';
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
    // The volunteer is loaded through the scoped EntityManager: out of scope is not found.
    const volunteer = await tx.findOne(Volunteer, { id });
    if (!volunteer) throw notFound('Ce volontaire');
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
    const note = await tx.findOne(Note, { id });
    if (!note) throw notFound('Cette note');
    if (note.author.id !== user.id && user.role !== Role.ADMIN) throw forbidden();
    const volunteer = await tx.findOneOrFail(Volunteer, { id: note.volunteer.id });
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
