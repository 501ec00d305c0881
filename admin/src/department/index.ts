import MapIcon from '@mui/icons-material/Map';
import type { ResourceProps } from 'react-admin';
import { DepartmentList } from './DepartmentList';
import { DepartmentShow } from './DepartmentShow';

export const departmentResource: ResourceProps = {
  name: 'Department',
  list: DepartmentList,
  show: DepartmentShow,
  icon: MapIcon,
  recordRepresentation: (r: { code: string; name: string }) => `${r.code} – ${r.name}`,
};
