import MeetingRoomIcon from '@mui/icons-material/MeetingRoom';
import type { ResourceProps } from 'react-admin';
import { SessionList } from './SessionList';
import { SessionShow } from './SessionShow';

export const sessionResource: ResourceProps = { name: 'Session', list: SessionList, show: SessionShow, icon: MeetingRoomIcon };
