import { useEffect, useState } from 'react';
import { gql } from '../api';

export type Level = 'REGION' | 'DEPARTMENT';

export interface Territory {
  id: string;
  code: string;
  name: string;
}

export interface CohortOption {
  id: string;
  name: string;
  status: string;
  startDate: string;
}

export interface DashboardFigures {
  level: Level;
  /** The server's Paris day: the last day of the decisions per day. */
  today: string;
  statusByTerritory: Array<{ territory: Territory; total: number; counts: Array<{ status: string; count: number }> }>;
  goals: Array<{ department: Territory; max: number; validated: number; rate: number }>;
  sessions: Array<{ sessionId: string; centerName: string; department: Territory; placesTotal: number; placesTaken: number; fillRate: number }>;
  backlog: Array<{ territory: Territory; lessThan3Days: number; from3To7Days: number; moreThan7Days: number; total: number }>;
  decisions: Array<{ day: string; territory: Territory; validated: number; refused: number; waitingList: number; correctionRequested: number; total: number }>;
}

const TERRITORY = 'id code name';

/** Every widget in one request: the server computes each figure with one grouped statement. */
const DASHBOARD = `query($cohortId: ID!, $level: DashboardLevel, $days: Int!) {
  d: cohortDashboard(cohortId: $cohortId, level: $level) {
    level today
    statusByTerritory { territory { ${TERRITORY} } total counts { status count } }
    goals { department { ${TERRITORY} } max validated rate }
    sessions { sessionId centerName department { ${TERRITORY} } placesTotal placesTaken fillRate }
    backlog { territory { ${TERRITORY} } lessThan3Days from3To7Days moreThan7Days total }
    decisions(days: $days) { day territory { ${TERRITORY} } validated refused waitingList correctionRequested total }
  }
}`;

/**
 * The cohorts for the picker (the most recent stays first) and the one to open by default: the
 * first published stay whose instruction is not over (on the server's day), else the first published.
 */
export async function loadCohorts(): Promise<{ cohorts: CohortOption[]; defaultId: string | null }> {
  const data = await gql<{ all: CohortOption[]; open: Array<{ id: string }>; published: Array<{ id: string }> }>(
    `{ all: allCohorts(sortField: "startDate", sortOrder: "DESC", perPage: 100) { id name status startDate }
       open: allCohorts(filter: { status: PUBLISHED, instructionOpen: true }, sortField: "startDate", sortOrder: "ASC", perPage: 1) { id }
       published: allCohorts(filter: { status: PUBLISHED }, sortField: "startDate", sortOrder: "ASC", perPage: 1) { id } }`,
  );
  return { cohorts: data.all, defaultId: data.open[0]?.id ?? data.published[0]?.id ?? data.all[0]?.id ?? null };
}

/** The figures of one cohort, reloaded when the cohort, the level or the period changes. */
export function useCohortDashboard(cohortId: string | null, level: Level | null, days: number) {
  const [state, setState] = useState<{ figures: DashboardFigures | null; error: string | null; loading: boolean }>({ figures: null, error: null, loading: false });
  useEffect(() => {
    if (!cohortId) return;
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    gql<{ d: DashboardFigures }>(DASHBOARD, { cohortId, level, days }).then(
      (data) => current && setState({ figures: data.d, error: null, loading: false }),
      (error: Error) => current && setState({ figures: null, error: error.message, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [cohortId, level, days]);
  return state;
}
