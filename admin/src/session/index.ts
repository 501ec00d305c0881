import MeetingRoomIcon from '@mui/icons-material/MeetingRoom';
import type { ResourceProps } from 'react-admin';
import type { SessionRecord } from './fields';
import { SessionCreate, SessionEdit } from './SessionForm';
import { SessionList } from './SessionList';
import { SessionShow } from './SessionShow';

export const sessionResource: ResourceProps = {
  name: 'Session',
  list: SessionList,
  show: SessionShow,
  create: SessionCreate,
  edit: SessionEdit,
  icon: MeetingRoomIcon,
  recordRepresentation: (r: SessionRecord) => (r.center && r.cohort ? `${r.center.name} – ${r.cohort.name}` : r.id),
};
