import HistoryIcon from '@mui/icons-material/History';
import type { ResourceProps } from 'react-admin';
import { AuditEventList } from './AuditEventList';

export const auditEventResource: ResourceProps = { name: 'AuditEvent', list: AuditEventList, icon: HistoryIcon };
