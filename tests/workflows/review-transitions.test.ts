import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, loggedIn, type GraphQLClient } from '../setup/graphql-client';
import { createVolunteer } from '../setup/fixtures';
import { startTestApp, type TestApp } from '../setup/test-app';

/**
 * Every (from status × action × role): allowed ones change the status and write exactly one
 * audit event and the e-mails; the others fail with the right code and change nothing.
 * The expected table is written here from DOMAIN.md, independently of the server's.
 */
const STATUSES = ['IN_PROGRESS', 'WAITING_VALIDATION', 'WAITING_CORRECTION', 'VALIDATED', 'REFUSED', 'WAITING_LIST', 'WITHDRAWN', 'ABANDONED', 'NOT_AUTHORIZED', 'NOT_ELIGIBLE'];

const ACTIONS: Record<string, { mutation: string; to: Record<string, string>; adminOnlyFrom?: string[]; emails: number }> = {
  VALIDATE: {
    mutation: 'mutation($id: ID!) { r: validateVolunteer(id: $id) { id status version } }',
    to: { WAITING_VALIDATION: 'VALIDATED', WAITING_LIST: 'VALIDATED', WITHDRAWN: 'VALIDATED' },
    adminOnlyFrom: ['WITHDRAWN'],
    emails: 2, // volunteer + guardian
  },
  REFUSE: {
    mutation: 'mutation($id: ID!) { r: refuseVolunteer(id: $id, reason: TOO_OLD, message: "Vous aurez 18 ans avant le séjour.") { id status version } }',
    to: { WAITING_VALIDATION: 'REFUSED' },
    emails: 2,
  },
  WAITING_LIST: {
    mutation: 'mutation($id: ID!) { r: putVolunteerOnWaitingList(id: $id) { id status version } }',
    to: { WAITING_VALIDATION: 'WAITING_LIST', WITHDRAWN: 'WAITING_LIST' },
    adminOnlyFrom: ['WITHDRAWN'],
    emails: 1,
  },
  REQUEST_CORRECTION: {
    mutation: 'mutation($id: ID!) { r: requestVolunteerCorrections(id: $id, requests: [{ field: "birthDate", reason: INCORRECT, message: "La date ne correspond pas à la pièce d’identité." }]) { id status version } }',
    to: { WAITING_VALIDATION: 'WAITING_CORRECTION' },
    emails: 2,
  },
  WITHDRAW: {
    mutation: 'mutation($id: ID!) { r: withdrawVolunteer(id: $id, reason: "Raisons familiales") { id status version } }',
    to: { VALIDATED: 'WITHDRAWN', WAITING_LIST: 'WITHDRAWN' },
    emails: 1,
  },
};

const ROLES: Record<string, { email: string; reviewer: boolean; admin: boolean }> = {
  ADMIN: { email: 'admin@demo.snu.test', reviewer: true, admin: true },
  REFERENT_REGION: { email: 'region-11@demo.snu.test', reviewer: true, admin: false },
  REFERENT_DEPARTMENT: { email: 'dept-75@demo.snu.test', reviewer: true, admin: false },
  HEAD_CENTER: { email: 'head-center@demo.snu.test', reviewer: false, admin: false },
  VISITOR: { email: 'visitor-11@demo.snu.test', reviewer: false, admin: false },
};

describe('review state machine: status × action × role', () => {
  let app: TestApp;
  const clients = new Map<string, GraphQLClient>();

  beforeAll(async () => {
    app = await startTestApp();
    for (const [role, { email }] of Object.entries(ROLES)) clients.set(role, await loggedIn(app.url, email));
  });
  afterAll(async () => app?.close());

  async function state(id: string) {
    const [v] = await app.sql<{ status: string; version: number }>('select status, version from volunteer where id = $1', [id]);
    const [{ audits }] = await app.sql<{ audits: number }>(`select count(*)::int as audits from audit_event where record_id = $1`, [id]);
    const [{ emails }] = await app.sql<{ emails: number }>(`select count(*)::int as emails from email_message where volunteer_id = $1`, [id]);
    return { ...v, audits, emails };
  }

  for (const [role, who] of Object.entries(ROLES)) {
    for (const [action, spec] of Object.entries(ACTIONS)) {
      it(`${role} · ${action} from each status`, async () => {
        const client = clients.get(role)!;
        for (const from of STATUSES) {
          const id = await createVolunteer(app, '75', from);
          const before = await state(id);
          const result = await client.request<{ r: { status: string; version: number } }>(spec.mutation, { id });
          const after = await state(id);
          const target = spec.to[from];
          const label = `${role} ${action} from ${from}`;
          if (!who.reviewer) {
            expect(errorCode(result), label).toBe('FORBIDDEN');
          } else if (!target) {
            expect(errorCode(result), label).toBe('INVALID_TRANSITION');
            expect(result.errors?.[0].message, label).toMatch(/Impossible de .* son statut est « /);
          } else if (spec.adminOnlyFrom?.includes(from) && !who.admin) {
            expect(errorCode(result), label).toBe('FORBIDDEN');
          } else {
            expect(result.errors, label).toBeUndefined();
            expect(result.data?.r.status, label).toBe(target);
            expect(after.status, label).toBe(target);
            expect(after.version, label).toBe(before.version + 1);
            expect(after.audits, label).toBe(before.audits + 1);
            expect(after.emails, label).toBe(before.emails + spec.emails);
            continue;
          }
          expect(after, `${label} changes nothing`).toEqual(before);
        }
      });
    }
  }

  it('allowedTransitions tells the console exactly what the server accepts', async () => {
    const admin = clients.get('ADMIN')!;
    const referent = clients.get('REFERENT_DEPARTMENT')!;
    const withdrawn = await createVolunteer(app, '75', 'WITHDRAWN');
    const waiting = await createVolunteer(app, '75', 'WAITING_VALIDATION');
    const query = 'query($id: ID!) { Volunteer(id: $id) { allowedTransitions } }';
    expect((await admin.ok<{ Volunteer: { allowedTransitions: string[] } }>(query, { id: withdrawn })).Volunteer.allowedTransitions.sort()).toEqual(['VALIDATE', 'WAITING_LIST']);
    expect((await referent.ok<{ Volunteer: { allowedTransitions: string[] } }>(query, { id: withdrawn })).Volunteer.allowedTransitions).toEqual([]);
    expect((await referent.ok<{ Volunteer: { allowedTransitions: string[] } }>(query, { id: waiting })).Volunteer.allowedTransitions.sort()).toEqual(['REFUSE', 'REQUEST_CORRECTION', 'VALIDATE', 'WAITING_LIST']);
  });
});
