import MapIcon from '@mui/icons-material/Map';
import type { ResourceProps } from 'react-admin';
import { DepartmentList, DepartmentShow } from './DepartmentList';

export const departmentResource: ResourceProps = { name: 'Department', list: DepartmentList, show: DepartmentShow, icon: MapIcon, recordRepresentation: (r) => `${r.code} – ${r.name}` };
