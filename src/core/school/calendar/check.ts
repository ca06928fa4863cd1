import { schemeNames, type SchoolCalendar } from '../../../shared/contract/calendar';
import { ruDate } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';

const fail = (message: string): never => {
  throw new AppError('validation', message);
};

/**
 * A calendar the journal can work with: the year's dates in order and matching its name; for every scheme a
 * grade follows, periods numbered 1…n inside the year, one after another without overlap; holidays inside the
 * year. Periods of a scheme no grade follows are dropped by the caller, not checked.
 */
export function checkCalendar(cal: SchoolCalendar): SchoolCalendar {
  const { year } = cal;
  if (year.startDate >= year.endDate)
    fail(`Учебный год начинается ${ruDate(year.startDate)}, а кончается раньше — ${ruDate(year.endDate)}`);
  const first = Number(year.name.slice(0, 4));
  if (Number(year.name.slice(5)) !== first + 1)
    fail(`«${year.name}»: учебный год — это два соседних года, например ${first}/${first + 1}`);
  if (Number(year.startDate.slice(0, 4)) !== first) fail(`Учебный год ${year.name} должен начинаться в ${first} году`);

  const used = [...new Set(cal.gradeSchemes)];
  const periods = cal.periods.filter((p) => used.includes(p.scheme));
  for (const scheme of used) {
    const list = periods.filter((p) => p.scheme === scheme).sort((a, b) => a.number - b.number);
    const what = schemeNames[scheme];
    if (list.length < 2) fail(`Для периодов «${what}» нужно не меньше двух периодов`);
    list.forEach((p, i) => {
      if (p.number !== i + 1)
        fail(`${what}: периоды должны идти по номерам 1, 2, 3…, а не ${list.map((x) => x.number).join(', ')}`);
      if (p.startDate > p.endDate) fail(`«${p.name}»: начало ${ruDate(p.startDate)} позже конца ${ruDate(p.endDate)}`);
      if (p.startDate < year.startDate || p.endDate > year.endDate)
        fail(
          `«${p.name}» (${ruDate(p.startDate)}–${ruDate(p.endDate)}) выходит за учебный год ${ruDate(year.startDate)}–${ruDate(year.endDate)}`,
        );
      if (p.marksDueDate && (p.marksDueDate < p.startDate || p.marksDueDate > year.endDate))
        fail(
          `«${p.name}»: срок отметок за период ${ruDate(p.marksDueDate)} должен быть между началом периода и концом учебного года`,
        );
      const prev = list[i - 1];
      if (prev && p.startDate <= prev.endDate)
        fail(
          `«${p.name}» начинается ${ruDate(p.startDate)}, раньше чем кончается «${prev.name}» (${ruDate(prev.endDate)})`,
        );
    });
  }
  for (const h of cal.holidays) {
    if (h.startDate > h.endDate) fail(`«${h.name}»: начало ${ruDate(h.startDate)} позже конца ${ruDate(h.endDate)}`);
    if (h.startDate < year.startDate || h.endDate > year.endDate)
      fail(`«${h.name}» (${ruDate(h.startDate)}–${ruDate(h.endDate)}) выходит за учебный год`);
  }
  return { ...cal, periods };
}
