import { contract } from '../../../shared/contract';
import { useChannel } from '../api/useChannel';

/** Every school year, newest first. A saved calendar or a new year invalidates them (the `school` domain). */
export const useYears = () => useChannel(contract.school.years, {}, { staleTime: 5 * 60_000 });

/** All the periods of a year, of every scheme. */
export const useYearPeriods = (yearId: number | undefined) =>
  useChannel(
    contract.school.periods,
    { yearId: yearId ?? 0 },
    { enabled: yearId !== undefined, staleTime: 5 * 60_000 },
  );
