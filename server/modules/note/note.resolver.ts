import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext, Row } from '../../kernel/request-context';
import type { MaybePromise } from '../../kernel/request-context';
import { STAFF_WITH_PERSONAL_DATA } from '../../kernel/roles';
import { createReadResolver, followSelected } from '../../common/crud.resolver';
import { allOf, idsCondition, refCondition, textSearch } from '../../common/filters';
import { User } from '../user/user.entity';
import { Volunteer } from '../volunteer/volunteer.entity';
import { Note } from './note.entity';
import { NoteFilter } from './note.inputs';
import { createNote, deleteNote } from './note.service';

@Resolver(() => Note)
export class NoteResolver extends createReadResolver({
  entity: Note,
  typeName: 'Note',
  filterType: NoteFilter,
  roles: STAFF_WITH_PERSONAL_DATA,
  sortable: { createdAt: 'createdAt' },
  defaultSort: { field: 'createdAt', order: 'DESC' },
  label: 'Cette note',
  where: (f) => allOf(idsCondition(f.ids), textSearch(f.q, ['content']), refCondition('volunteer', f.volunteerId, 'volunteerId'), refCondition('author', f.authorId, 'authorId')),
  prefetch: followSelected({ author: User }),
}) {
  @FieldResolver(() => ID)
  volunteerId(@Root() note: Row<Note>): string {
    return note.volunteer.id;
  }

  @FieldResolver(() => Volunteer, { nullable: true })
  volunteer(@Root() note: Row<Note>, @Ctx() ctx: RequestContext): Promise<Volunteer | null> {
    return ctx.loaders.load(Volunteer, note.volunteer.id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Auteur de la note' })
  author(@Root() note: Row<Note>, @Ctx() ctx: RequestContext): MaybePromise<User | null> {
    return ctx.loaders.follow(User, note.author);
  }

  @Authorized(STAFF_WITH_PERSONAL_DATA)
  @Mutation(() => Note, { description: 'Ajouter une note interne à un dossier' })
  createNote(@Arg('volunteerId', () => ID) volunteerId: string, @Arg('content', () => String) content: string, @Ctx() ctx: RequestContext): Promise<Note> {
    return createNote(ctx, volunteerId, content);
  }

  @Authorized(STAFF_WITH_PERSONAL_DATA)
  @Mutation(() => Boolean, { description: 'Supprimer une note (son auteur ou un administrateur)' })
  deleteNote(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return deleteNote(ctx, id);
  }
}
