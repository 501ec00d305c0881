import type { EntityClass } from '@mikro-orm/core';
import type { Request, Response } from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRequestContext } from '../../server/auth/context';
import { entities } from '../../server/database/entities';
import { AssignmentSimulation } from '../../server/modules/assignment/assignment-simulation.entity';
import { DashboardCount } from '../../server/modules/dashboard/dashboard-count.entity';
import { AuditEvent } from '../../server/modules/audit-event/audit-event.entity';
import { CohesionCenter } from '../../server/modules/cohesion-center/cohesion-center.entity';
import { CorrectionRequest } from '../../server/modules/correction-request/correction-request.entity';
import { EmailMessage } from '../../server/modules/email/email-message.entity';
import { InscriptionGoal } from '../../server/modules/inscription-goal/inscription-goal.entity';
import { MeetingPoint } from '../../server/modules/meeting-point/meeting-point.entity';
import { Note } from '../../server/modules/note/note.entity';
import { Session } from '../../server/modules/session/session.entity';
import { TransportLine } from '../../server/modules/transport-line/transport-line.entity';
import { TransportLineStop } from '../../server/modules/transport-line/transport-line-stop.entity';
import { User } from '../../server/modules/user/user.entity';
import { Volunteer } from '../../server/modules/volunteer/volunteer.entity';
import { SCOPE_FILTER, ScopeNotSetError, scopeConditionFor, scopeKindOf } from '../../server/scope/rules';
import { loggedIn } from '../setup/graphql-client';
import { startTestApp, type TestApp } from '../setup/test-app';

const SCOPED: Array<EntityClass<{ id: string }>> = [AssignmentSimulation, Volunteer, CohesionCenter, Session, MeetingPoint, TransportLine, TransportLineStop, InscriptionGoal, CorrectionRequest, Note, User, AuditEvent, EmailMessage, DashboardCount];

describe('the scope filter fails closed', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('every entity declares how it is scoped: its own rule, through another record, or deliberately not', () => {
    const kinds = Object.fromEntries(
      entities.filter((e) => !app.orm.getMetadata().find(e.name)?.embeddable).map((e) => [e.name, scopeKindOf(e) ?? 'nothing declared']),
    );
    expect(kinds).toEqual({
      AssignmentSimulation: 'own',
      AuditEvent: 'own',
      CohesionCenter: 'own',
      Cohort: 'public',
      CorrectionRequest: 'through',
      DashboardCount: 'own',
      Department: 'public',
      EmailMessage: 'through',
      InscriptionGoal: 'own',
      Invitation: 'public',
      LoginChallenge: 'public',
      MeetingPoint: 'own',
      Note: 'through',
      Region: 'public',
      Session: 'own',
      TransportLine: 'through',
      TransportLineStop: 'through',
      User: 'own',
      UserSession: 'public',
      Volunteer: 'own',
    });
    // Every scoped entity has the MikroORM filter, on by default (the em.find path).
    const filtered = Object.values(app.orm.getMetadata().getAll())
      .filter((meta) => meta.filters[SCOPE_FILTER]?.default === true)
      .map((meta) => meta.className)
      .sort();
    expect(filtered).toEqual(SCOPED.map((e) => e.name).sort());
  });

  it('an entity that declares nothing cannot be queried through the scope', async () => {
    class Undeclared {
      id!: string;
    }
    expect(() => scopeConditionFor(Undeclared, { principal: { kind: 'system', reason: 'test' } })).toThrow(/declares no scope rule/);
    expect(() => scopeConditionFor(Volunteer, undefined)).toThrow(ScopeNotSetError);
  });

  it('a request context without a user cannot read, count or find any scoped entity', async () => {
    const ctx = await buildRequestContext(app.orm, { config: app.config, logger: pino({ level: 'silent' }), jobs: null, reference: null }, { headers: {} } as Request, {} as Response);
    expect(ctx.user).toBeNull();
    for (const entity of SCOPED) {
      await expect(ctx.em.find(entity, {}), entity.name).rejects.toThrow(/scope|argument/i);
      await expect(ctx.em.count(entity, {}), entity.name).rejects.toThrow(/scope|argument/i);
      await expect(ctx.loaders.load(entity, '00000000-0000-4000-8000-000000000000'), entity.name).rejects.toThrow(/scope|argument/i);
    }
  });

  it('a territorial account with no territory sees nothing (a null region never matches everything)', async () => {
    await app.sql(`update staff_user set region_id = null where email = 'region-84@demo.snu.test'`);
    try {
      const client = await loggedIn(app.url, 'region-84@demo.snu.test');
      const result = await client.ok<{ v: { count: number }; g: { count: number }; c: { count: number }; u: { email: string }[] }>(
        '{ v: _allVolunteersMeta { count } g: _allInscriptionGoalsMeta { count } c: _allCohesionCentersMeta { count } u: allUsers { email } }',
      );
      expect(result.v.count).toBe(0);
      expect(result.g.count).toBe(0);
      expect(result.c.count).toBe(0);
      expect(result.u).toEqual([{ email: 'region-84@demo.snu.test' }]);
    } finally {
      await app.sql(`update staff_user set region_id = (select id from region where code = '84') where email = 'region-84@demo.snu.test'`);
    }
  });

  it('a raw fork of the ORM without a user fails the same way (nobody can forget the scope)', async () => {
    const em = app.orm.em.fork();
    await expect(em.findOne(Volunteer, { lastName: { $ne: '' } })).rejects.toThrow();
    // Proof that rows exist: the same query with the scope explicitly lifted returns one.
    expect(await em.findOne(Volunteer, { lastName: { $ne: '' } }, { filters: { [SCOPE_FILTER]: false } })).not.toBeNull();
  });
});
