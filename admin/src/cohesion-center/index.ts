import HomeWorkIcon from '@mui/icons-material/HomeWork';
import type { ResourceProps } from 'react-admin';
import { CohesionCenterCreate, CohesionCenterEdit } from './CohesionCenterForm';
import { CohesionCenterList } from './CohesionCenterList';
import { CohesionCenterShow } from './CohesionCenterShow';

export const cohesionCenterResource: ResourceProps = { name: 'CohesionCenter', list: CohesionCenterList, show: CohesionCenterShow, create: CohesionCenterCreate, edit: CohesionCenterEdit, icon: HomeWorkIcon, recordRepresentation: 'name' };
