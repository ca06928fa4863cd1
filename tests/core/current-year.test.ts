import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import { schoolYears } from '../../src/core/db/schema';
import { movementClasses } from '../../src/core/movement/classes';
import { movementRegister } from '../../src/core/movement/register';
import { currentYear, findCurrentYear, yearOrCurrent } from '../../src/core/school/years';
import { testCore } from '../helpers/core';

describe('the current school year', () => {
  it('is refused alike everywhere while the school has none, and is the same year everywhere once marked', () => {
    const clock = fixedClock('2026-11-24T10:00:00');
    const core = testCore({ clock });
    const { db, services } = core;
    const asks = {
      school: () => services.school.currentYear().id,
      years: () => services.years.status().year.id,
      movementBook: () => movementRegister(db, {}).yearName,
      movementClasses: () => movementClasses(db, clock, {}).yearId,
      explicit: () => yearOrCurrent(db, undefined).id,
    };
    expect(findCurrentYear(db)).toBeUndefined();
    for (const ask of Object.values(asks)) expect(ask).toThrow('В школе не задан текущий учебный год');

    db.insert(schoolYears)
      .values({ name: '2025/2026', startDate: '2025-09-01', endDate: '2026-05-31', isCurrent: false })
      .run();
    const marked = db
      .insert(schoolYears)
      .values({ name: '2026/2027', startDate: '2026-09-01', endDate: '2027-05-31', isCurrent: true })
      .returning()
      .get();
    expect(currentYear(db)).toEqual(marked);
    expect(Object.values(asks).map((ask) => ask())).toEqual([marked.id, marked.id, marked.name, marked.id, marked.id]);
  });
});
