import AirportShuttleIcon from '@mui/icons-material/AirportShuttle';
import type { ResourceProps } from 'react-admin';
import type { TransportLineRecord } from './fields';
import { TransportLineCreate, TransportLineEdit } from './TransportLineForm';
import { TransportLineList } from './TransportLineList';
import { TransportLineShow } from './TransportLineShow';

export const transportLineResource: ResourceProps = {
  name: 'TransportLine',
  list: TransportLineList,
  show: TransportLineShow,
  create: TransportLineCreate,
  edit: TransportLineEdit,
  icon: AirportShuttleIcon,
  recordRepresentation: (r: TransportLineRecord) => r.code,
};
