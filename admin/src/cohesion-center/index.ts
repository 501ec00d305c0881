import HomeWorkIcon from '@mui/icons-material/HomeWork';
import type { ResourceProps } from 'react-admin';
import { CohesionCenterList } from './CohesionCenterList';
import { CohesionCenterShow } from './CohesionCenterShow';

export const cohesionCenterResource: ResourceProps = { name: 'CohesionCenter', list: CohesionCenterList, show: CohesionCenterShow, icon: HomeWorkIcon, recordRepresentation: 'name' };
