import type { Period } from '../../../shared/contract';

/** The period a journal opens on: the one that contains today, else the last one (the summer after the year). */
export function defaultPeriod(periods: readonly Period[], today: string): Period | undefined {
  return periods.find((p) => p.startDate <= today && today <= p.endDate) ?? periods.at(-1);
}
