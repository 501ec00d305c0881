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
  code: string;
  seatsLeft: number;
  stops: Array<{ departureAt: string | null; meetingPoint: { id: string; name: string; city: string; departmentId: string } }>;
}

export async function sessionsFor(cohortId: string): Promise<SessionChoice[]> {
  const { allSessions } = await gql<{ allSessions: SessionChoice[] }>(
    `query($filter: SessionFilter) { allSessions(filter: $filter, perPage: 500, sortField: "center", sortOrder: "ASC") { id placesLeft center { name city department { code name } } } }`,
    { filter: { cohortId, hasPlacesLeft: true } },
  );
  return allSessions;
}

/**
 * The meeting points a volunteer can leave from for a session: each stop of a line with a seat
 * left, once per point (the line with the most seats), the volunteer's own department first.
 */
export async function meetingPointsFor(sessionId: string, departmentId: string): Promise<MeetingPointChoice[]> {
  const { allTransportLines } = await gql<{ allTransportLines: LineRow[] }>(
    `query($filter: TransportLineFilter) { allTransportLines(filter: $filter, perPage: 200) { code seatsLeft stops { departureAt meetingPoint { id name city departmentId } } } }`,
    { filter: { sessionId, hasSeatsLeft: true } },
  );
  const byPoint = new Map<string, MeetingPointChoice>();
  for (const line of allTransportLines) {
    for (const stop of line.stops) {
      const known = byPoint.get(stop.meetingPoint.id);
      if (known && known.seatsLeft >= line.seatsLeft) continue;
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
