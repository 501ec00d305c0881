/** The automatic assignment's GraphQL documents and types, as the console reads them. */
import { gql } from '../api';
import type { Me, Place, Role } from '../authProvider';

/** Who may open the « Affectation » page (comfort only: the server decides). */
export const PLACEMENT_ROLES: readonly Role[] = ['ADMIN', 'REFERENT_REGION'];

export const isPlacementManager = (role: Role | undefined): boolean => !!role && PLACEMENT_ROLES.includes(role);

export type SimulationStatus = 'RUNNING' | 'READY' | 'FAILED' | 'APPLIED';

export interface SimulationFigures {
  placed: number;
  unplaced: number;
  sameDepartment: number;
  sameRegion: number;
  meanDistance: number;
  balance: number;
  method: string;
}

export interface SimulationSession {
  sessionId: string;
  label: string;
  placesLeftBefore: number;
  placed: number;
  placesLeftAfter: number;
  baselinePlaced: number;
}

export interface SimulationCenter {
  centerId: string;
  label: string;
  placed: number;
  femaleShare: number;
  priorityNeighbourhoodShare: number;
  disabilityShare: number;
  meanDistance: number;
}

export interface SimulationUnplaced {
  volunteerId: string;
  reason: string;
}

export interface SimulationSkipped {
  volunteerId: string;
  code: string;
  message: string;
}

/** A line of the recent simulations list. */
export interface SimulationSummary {
  id: string;
  status: SimulationStatus;
  progress: number;
  createdAt: string;
  cohortId: string;
  regionId: string;
  departmentIds: string[];
  candidates: number;
  placed: number;
  applied: number;
  skipped: number;
}

export interface Simulation extends SimulationSummary {
  unplaced: number;
  error: string | null;
  appliedAt: string | null;
  proposal: SimulationFigures | null;
  baseline: SimulationFigures | null;
  sessions: SimulationSession[];
  centers: SimulationCenter[];
  unplacedVolunteers: SimulationUnplaced[];
  skippedVolunteers: SimulationSkipped[];
}

export interface CohortChoice {
  id: string;
  name: string;
  startDate: string;
  status: 'PUBLISHED' | 'ARCHIVED';
  manualAssignmentOpenForRegion: boolean;
}

export interface DepartmentChoice extends Place {
  regionId: string;
}

/** A volunteer's name, for the links of the report. */
export interface VolunteerName {
  id: string;
  firstName: string;
  lastName: string;
}

const SUMMARY_FIELDS = 'id status progress createdAt cohortId regionId departmentIds candidates placed applied skipped';
const FIGURES_FIELDS = 'placed unplaced sameDepartment sameRegion meanDistance balance method';
const SIMULATION_FIELDS = `${SUMMARY_FIELDS} unplaced error appliedAt
  proposal { ${FIGURES_FIELDS} } baseline { ${FIGURES_FIELDS} }
  sessions { sessionId label placesLeftBefore placed placesLeftAfter baselinePlaced }
  centers { centerId label placed femaleShare priorityNeighbourhoodShare disabilityShare meanDistance }
  unplacedVolunteers { volunteerId reason }
  skippedVolunteers { volunteerId code message }`;

export interface Choices {
  /** Every cohort, archived ones too (they name the older simulations). */
  cohorts: CohortChoice[];
  /** The cohort selected first: the open one (instruction not over on the server's day), else the most recent. */
  defaultCohortId: string | null;
  regions: Place[];
}

/**
 * The cohorts and the regions the user may pick.
 * "Open" is asked of the server (`instructionOpen`), so the client's clock never decides.
 */
export async function loadChoices(me: Me): Promise<Choices> {
  const national = me.role === 'ADMIN';
  const data = await gql<{ cohorts: CohortChoice[]; open: Array<{ id: string }>; regions?: Place[] }>(
    `{ cohorts: allCohorts(sortField: "startDate", sortOrder: "DESC", perPage: 200) { id name startDate status manualAssignmentOpenForRegion }
       open: allCohorts(filter: { status: PUBLISHED, instructionOpen: true }, sortField: "startDate", sortOrder: "ASC", perPage: 1) { id }
       ${national ? 'regions: allRegions(sortField: "name", sortOrder: "ASC", perPage: 100) { id code name }' : ''} }`,
  );
  const defaultCohortId = data.open[0]?.id ?? data.cohorts.find((c) => c.status === 'PUBLISHED')?.id ?? null;
  const regions = national ? (data.regions ?? []) : me.region ? [me.region] : [];
  return { cohorts: data.cohorts, defaultCohortId, regions };
}

export async function loadDepartments(regionId: string): Promise<DepartmentChoice[]> {
  const data = await gql<{ allDepartments: DepartmentChoice[] }>(
    'query($regionId: ID!) { allDepartments(filter: { regionId: $regionId }, sortField: "code", sortOrder: "ASC", perPage: 200) { id code name regionId } }',
    { regionId },
  );
  return data.allDepartments;
}

/** The region's simulations, newest first (the server's default order, said explicitly). */
export async function loadRecentSimulations(regionId: string): Promise<SimulationSummary[]> {
  const data = await gql<{ allAssignmentSimulations: SimulationSummary[] }>(
    `query($filter: AssignmentSimulationFilter) { allAssignmentSimulations(filter: $filter, sortField: "createdAt", sortOrder: "DESC", perPage: 10) { ${SUMMARY_FIELDS} } }`,
    { filter: { regionId } },
  );
  return data.allAssignmentSimulations;
}

/** One simulation with its whole report; null when it does not exist in the user's scope. */
export async function loadSimulation(id: string): Promise<Simulation | null> {
  const data = await gql<{ AssignmentSimulation: Simulation | null }>(`query($id: ID!) { AssignmentSimulation(id: $id) { ${SIMULATION_FIELDS} } }`, { id });
  return data.AssignmentSimulation;
}

export async function startSimulation(input: { cohortId: string; regionId: string; departmentIds: string[] }): Promise<SimulationSummary> {
  const data = await gql<{ simulateAssignment: SimulationSummary }>(
    `mutation($input: AssignmentSimulationInput!) { simulateAssignment(input: $input) { ${SUMMARY_FIELDS} } }`,
    { input },
  );
  return data.simulateAssignment;
}

export async function applySimulation(id: string): Promise<Simulation> {
  const data = await gql<{ applyAssignmentSimulation: Simulation }>(`mutation($id: ID!) { applyAssignmentSimulation(id: $id) { ${SIMULATION_FIELDS} } }`, { id });
  return data.applyAssignmentSimulation;
}

/** Names of a few volunteers (those the report links to), in one request. */
export async function loadVolunteerNames(ids: string[]): Promise<Map<string, VolunteerName>> {
  if (ids.length === 0) return new Map();
  const data = await gql<{ allVolunteers: VolunteerName[] }>(
    'query($ids: [ID!]!, $perPage: Int) { allVolunteers(filter: { ids: $ids }, perPage: $perPage) { id firstName lastName } }',
    { ids, perPage: ids.length },
  );
  return new Map(data.allVolunteers.map((v) => [v.id, v]));
}

export const reportUrl = (id: string): string => `/exports/assignment-simulations/${encodeURIComponent(id)}.xlsx`;

export const volunteerPath = (id: string): string => `/Volunteer/${encodeURIComponent(id)}/show`;
