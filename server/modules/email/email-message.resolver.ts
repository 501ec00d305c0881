import type { Row } from '../../kernel/request-context';
import { FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { STAFF_WITH_PERSONAL_DATA } from '../../kernel/roles';
import { createReadResolver } from '../../common/crud.resolver';
import { allOf, idsCondition, refCondition, textSearch } from '../../common/filters';
import { EmailMessage } from './email-message.entity';
import { EmailMessageFilter } from './email-message.inputs';

@Resolver(() => EmailMessage)
export class EmailMessageResolver extends createReadResolver({
  entity: EmailMessage,
  typeName: 'EmailMessage',
  filterType: EmailMessageFilter,
  roles: STAFF_WITH_PERSONAL_DATA,
  sortable: { createdAt: 'createdAt', sentAt: 'sentAt', status: 'status', template: 'template' },
  defaultSort: { field: 'createdAt', order: 'DESC' },
  label: 'Cet e-mail',
  where: (f) =>
    allOf(
      idsCondition(f.ids),
      textSearch(f.q, ['subject', 'recipient']),
      refCondition('volunteer', f.volunteerId, 'volunteerId'),
      f.status ? { status: f.status } : undefined,
      f.template ? { template: f.template } : undefined,
    ),
}) {
  @FieldResolver(() => ID, { nullable: true, description: 'Null pour un e-mail à un membre du personnel (invitation)' })
  volunteerId(@Root() message: Row<EmailMessage>): string | null {
    return message.volunteer?.id ?? null;
  }
}
