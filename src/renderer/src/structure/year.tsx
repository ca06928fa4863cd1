// The school year the structure pages show: the current one until another is picked. One choice for all the
// pages of «Администрирование», so going from «Классы» to «Нагрузка» stays in the same year.
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useYears } from '../school/useYears';
import { YearSelect } from '../school/YearSelect';

const YearContext = createContext<{ yearId: number | null; setYearId: (id: number | null) => void }>({
  yearId: null,
  setYearId: () => undefined,
});

/**
 * Holds the choice for the pages inside; `applies` false (a page of no particular year: subjects, work kinds)
 * shows them the current year while keeping the choice for the next year-bound page.
 */
export function StructureYearProvider({ applies, children }: { applies: boolean; children: ReactNode }) {
  const [yearId, setYearId] = useState<number | null>(null);
  return <YearContext.Provider value={{ yearId: applies ? yearId : null, setYearId }}>{children}</YearContext.Provider>;
}

/** The picked year's id, or null for the current year. */
export const useStructureYear = () => useContext(YearContext).yearId;

/** «Учебный год»: every year of the school, newest first; a closed one is marked and opens read-only. */
export function StructureYearPicker() {
  const { yearId, setYearId } = useContext(YearContext);
  const years = useYears();
  return (
    <YearSelect
      label="Учебный год"
      w={200}
      years={years.data}
      value={yearId}
      onChange={(y) => setYearId(y.isCurrent ? null : y.id)}
      onlyIfChoice
      markCurrent
      data-testid="structure-year"
    />
  );
}
