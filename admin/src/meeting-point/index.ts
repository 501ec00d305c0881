import DirectionsBusIcon from '@mui/icons-material/DirectionsBus';
import type { ResourceProps } from 'react-admin';
import { MeetingPointCreate, MeetingPointEdit } from './MeetingPointForm';
import { MeetingPointList } from './MeetingPointList';
import { MeetingPointShow } from './MeetingPointShow';

export const meetingPointResource: ResourceProps = { name: 'MeetingPoint', list: MeetingPointList, show: MeetingPointShow, create: MeetingPointCreate, edit: MeetingPointEdit, icon: DirectionsBusIcon, recordRepresentation: 'name' };
