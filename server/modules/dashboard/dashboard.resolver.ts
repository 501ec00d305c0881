import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../kernel/request-context';
import { Role, TERRITORY_MANAGERS } from '../../kernel/roles';
import { decisionsPerDay, goalCompletion, openDashboard, reviewBacklog, sessionFill, statusByTerritory } from './dashboard.service';
import { BacklogByAge, CohortDashboard, DailyDecisions, DashboardLevel, GoalCompletion, SessionFill, TerritoryStatusCounts } from './dashboard.types';

@Resolver(() => CohortDashboard)
export class DashboardResolver {
  /** Counts only, never a person: visitors have it for their region. Heads of centre have their sessions' pages. */
  @Authorized([...TERRITORY_MANAGERS, Role.VISITOR])
  @Query(() => CohortDashboard, {
    description: 'Tableau de bord d’un séjour dans le périmètre du lecteur ; lignes par région (par défaut pour l’administration nationale) ou par département',
  })
  cohortDashboard(
    @Arg('cohortId', () => ID) cohortId: string,
    @Arg('level', () => DashboardLevel, { nullable: true }) level: DashboardLevel | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<CohortDashboard> {
    return openDashboard(ctx, cohortId, level);
  }

  @FieldResolver(() => [TerritoryStatusCounts], { description: 'Volontaires par statut et par territoire' })
  statusByTerritory(@Root() dashboard: CohortDashboard, @Ctx() ctx: RequestContext): Promise<TerritoryStatusCounts[]> {
    return statusByTerritory(ctx, dashboard);
  }

  @FieldResolver(() => [GoalCompletion], { description: 'Objectifs d’inscription départementaux et volontaires validés' })
  goals(@Root() dashboard: CohortDashboard, @Ctx() ctx: RequestContext): Promise<GoalCompletion[]> {
    return goalCompletion(ctx, dashboard);
  }

  @FieldResolver(() => [SessionFill], { description: 'Remplissage de chaque session du séjour' })
  sessions(@Root() dashboard: CohortDashboard, @Ctx() ctx: RequestContext): Promise<SessionFill[]> {
    return sessionFill(ctx, dashboard);
  }

  @FieldResolver(() => [BacklogByAge], { description: 'Dossiers en attente de validation par ancienneté (moins de 3 jours, 3 à 7, plus de 7)' })
  backlog(@Root() dashboard: CohortDashboard, @Ctx() ctx: RequestContext): Promise<BacklogByAge[]> {
    return reviewBacklog(ctx, dashboard);
  }

  @FieldResolver(() => [DailyDecisions], { description: 'Décisions d’instruction par jour (heure de Paris) et par territoire, sur les derniers jours (aujourd’hui compris)' })
  decisions(
    @Root() dashboard: CohortDashboard,
    @Arg('days', () => Int, { defaultValue: 14, description: 'Nombre de jours, de 1 à 62' }) days: number,
    @Ctx() ctx: RequestContext,
  ): Promise<DailyDecisions[]> {
    return decisionsPerDay(ctx, dashboard, days);
  }
}
