import PublicIcon from '@mui/icons-material/Public';
import type { ResourceProps } from 'react-admin';
import { RegionList } from './RegionList';
import { RegionShow } from './RegionShow';

export const regionResource: ResourceProps = { name: 'Region', list: RegionList, show: RegionShow, icon: PublicIcon, recordRepresentation: 'name' };
