import type { Coded } from '../common/coded';

export interface UserRecord {
  id: string;
  version: number;
  email: string;
  firstName: string;
  lastName: string;
  role: string;
  status: 'INVITED' | 'ACTIVE' | 'DISABLED';
  lastLoginAt: string | null;
  region: Coded | null;
  departments: Coded[];
}

export const USER_FIELDS = ['id', 'version', 'email', 'firstName', 'lastName', 'role', 'status', 'lastLoginAt', 'createdAt', 'regionId', 'departmentIds', { region: ['id', 'code', 'name'] }, { departments: ['id', 'code', 'name'] }];
