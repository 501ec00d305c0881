import type { RecordWrites } from '../common/recordWrites';

export const USER_SELECTION = 'id version email firstName lastName role status lastLoginAt createdAt regionId departmentIds region { id code name } departments { id code name }';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
const REGIONAL = ['REFERENT_REGION', 'VISITOR'];

/** Invite on create, edit on update; the territory the role needs (a region or departments), not both. */
export const userWrites: RecordWrites = {
  type: 'User',
  selection: USER_SELECTION,
  create: { mutation: 'inviteUser', inputType: 'InviteUserInput' },
  update: { inputType: 'UpdateUserInput' },
  toInput: (v) => {
    const role = v.role as string;
    const territory = role === 'ADMIN' ? { regionId: null, departmentIds: [] } : REGIONAL.includes(role) ? { regionId: v.regionId ?? null, departmentIds: [] } : { regionId: null, departmentIds: (v.departmentIds as string[] | undefined) ?? [] };
    return { ...(v.id ? {} : { email: text(v.email) }), firstName: text(v.firstName), lastName: text(v.lastName), role, ...territory };
  },
};
