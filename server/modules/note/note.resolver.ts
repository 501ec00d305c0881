import { Authorized, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../auth/context';
import { STAFF_WITH_PERSONAL_DATA } from '../../auth/roles';
import { createReadResolver } from '../../common/crud.resolver';
import { allOf, idsCondition, refCondition, textSearch } from '../../common/filters';
import { User } from '../user/user.entity';
import { Volunteer } from '../volunteer/volunteer.entity';
import { Note } from './note.entity';
import { NoteFilter } from './note.inputs';

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
}) {
  @Authorized()
  @FieldResolver(() => ID)
  volunteerId(@Root() note: Note): string {
    return note.volunteer.id;
  }

  @Authorized()
  @FieldResolver(() => Volunteer, { nullable: true })
  volunteer(@Root() note: Note, @Ctx() ctx: RequestContext): Promise<Volunteer | null> {
    return ctx.loaders.load(Volunteer, note.volunteer.id);
  }

  @Authorized()
  @FieldResolver(() => User, { nullable: true, description: 'Auteur de la note' })
  author(@Root() note: Note, @Ctx() ctx: RequestContext): Promise<User | null> {
    return ctx.loaders.follow(User, note.author);
  }
}
