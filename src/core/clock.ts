/** The school's local time, passed into every service so tests and the demo can fix "now". */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at) };
}

// The core reaches the local calendar through its clock; the formats themselves are the school's (shared).
export { localDate, localTimestamp } from '../shared/dates';
