import DirectionsBusIcon from '@mui/icons-material/DirectionsBus';
import type { ResourceProps } from 'react-admin';
import { MeetingPointList, MeetingPointShow } from './MeetingPointList';

export const meetingPointResource: ResourceProps = { name: 'MeetingPoint', list: MeetingPointList, show: MeetingPointShow, icon: DirectionsBusIcon, recordRepresentation: 'name' };
