import EventIcon from '@mui/icons-material/Event';
import type { ResourceProps } from 'react-admin';
import { CohortCreate, CohortEdit } from './CohortForm';
import { CohortList } from './CohortList';
import { CohortShow } from './CohortShow';

export const cohortResource: ResourceProps = { name: 'Cohort', list: CohortList, show: CohortShow, create: CohortCreate, edit: CohortEdit, icon: EventIcon, recordRepresentation: 'name' };
