import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';

// The year-closing check opened in December: the quarters still running or to come are not gaps.
describe('the year-closing check in the middle of the year', () => {
  const {
    callers: { deputy },
  } = schoolFixture({ school: 'tiny', now: '2025-12-10T10:00:00', as: { deputy: 'zavuch' } });

  it('lists as gaps only the terms that have ended, and the others apart with the marks they will need', async () => {
    const s = await deputy.value(contract.years.status, {});
    expect(s.gaps.length).toBeGreaterThan(0);
    expect(s.gaps.every((g) => g.endDate < '2025-12-10')).toBe(true);
    expect(new Set(s.gaps.map((g) => g.periodName))).toEqual(new Set(['1 четверть']));
    // The tiny school's terms: two quarters, then the year.
    expect(s.notEnded.map((t) => t.periodName)).toEqual(['2 четверть', 'год']);
    expect(s.notEnded.every((t) => t.endDate >= '2025-12-10' && t.marks > 0 && t.journals > 0)).toBe(true);
  });
});
