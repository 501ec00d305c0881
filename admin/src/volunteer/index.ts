import PeopleIcon from '@mui/icons-material/People';
import type { ResourceProps } from 'react-admin';
import { VolunteerList } from './VolunteerList';
import { VolunteerShow } from './VolunteerShow';

export const volunteerResource: ResourceProps = {
  name: 'Volunteer',
  list: VolunteerList,
  show: VolunteerShow,
  icon: PeopleIcon,
  recordRepresentation: (r) => `${r.firstName} ${r.lastName}`,
};
