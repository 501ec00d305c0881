import { gql } from '../api';

/** A session the volunteer may be assigned to: of its cohort, in the user's scope, with a place left. */
export interface SessionChoice {
  id: string;
  placesLeft: number;
  center: { name: string; city: string; department: { code: string; name: string } };
}

/** A meeting point served by one of the session's lines, with that line's first departure from it. */
export interface MeetingPointChoice {
  meetingPointId: string;
  label: string;
  lineCode: string;
  departureAt: string | null;
  seatsLeft: number;
  ownDepartment: boolean;
}

interface LineRow {
  id: string;
  code: string;
  seatsLeft: number;
  stops: Array<{ departureAt: string | null; meetingPoint: { id: string; name: string; city: string; departmentId: string } }>;
}

const SESSION_CHOICE = 'id placesLeft center { name city department { code name } }';

/** Sessions with a place left, and the volunteer's own (full or not: it may change meeting point there). */
export async function sessionsFor(cohortId: string, currentSessionId: string | null): Promise<SessionChoice[]> {
  const { allSessions, current } = await gql<{ allSessions: SessionChoice[]; current: SessionChoice[] }>(
    `query($filter: SessionFilter, $current: SessionFilter) {
      allSessions(filter: $filter, perPage: 500, sortField: "center", sortOrder: "ASC") { ${SESSION_CHOICE} }
      current: allSessions(filter: $current, perPage: 1) { ${SESSION_CHOICE} }
    }`,
    { filter: { cohortId, hasPlacesLeft: true }, current: { ids: currentSessionId ? [currentSessionId] : [] } },
  );
  return [...current.filter((s) => !allSessions.some((other) => other.id === s.id)), ...allSessions];
}

/**
 * The meeting points a volunteer can leave from for a session, each with the line the server will
 * put it on: the line it already rides if that one stops there, otherwise the first line (by id)
 * stopping there with a seat left (assignment.service.ts, `seatOnLine`). The volunteer's own
 * department first.
 */
export async function meetingPointsFor(sessionId: string, departmentId: string, heldLineId: string | null): Promise<MeetingPointChoice[]> {
  const { allTransportLines } = await gql<{ allTransportLines: LineRow[] }>(
    `query($filter: TransportLineFilter) { allTransportLines(filter: $filter, perPage: 200) { id code seatsLeft stops { departureAt meetingPoint { id name city departmentId } } } }`,
    { filter: { sessionId } },
  );
  const lines = [...allTransportLines].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byPoint = new Map<string, MeetingPointChoice>();
  for (const line of lines) {
    const held = line.id === heldLineId;
    if (!held && line.seatsLeft <= 0) continue;
    for (const stop of line.stops) {
      const known = byPoint.get(stop.meetingPoint.id);
      if (known && !held) continue;
      byPoint.set(stop.meetingPoint.id, {
        meetingPointId: stop.meetingPoint.id,
        label: `${stop.meetingPoint.name} (${stop.meetingPoint.city})`,
        lineCode: line.code,
        departureAt: stop.departureAt,
        seatsLeft: line.seatsLeft,
        ownDepartment: stop.meetingPoint.departmentId === departmentId,
      });
    }
  }
  return [...byPoint.values()].sort((a, b) => Number(b.ownDepartment) - Number(a.ownDepartment) || a.label.localeCompare(b.label, 'fr'));
}
