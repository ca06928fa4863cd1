import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayAndMonthName,
  dayMonth,
  dayOfMonth,
  daysBetween,
  isoOf,
  localDate,
  localTimestamp,
  mondayOf,
  monthAbbreviation,
  monthAndYear,
  monthName,
  monthRange,
  monthsBetween,
  parseDay,
  ruDate,
  weekdayOf,
  weekdayShortName,
} from '../../src/shared/dates';
import { AppError } from '../../src/shared/errors';

describe('dates as the school writes them', () => {
  it('ДД.ММ.ГГГГ and ДД.ММ keep the leading zeros', () => {
    expect(ruDate('2025-09-01')).toBe('01.09.2025');
    expect(ruDate('2026-12-31')).toBe('31.12.2026');
    expect(dayMonth('2025-09-01')).toBe('01.09');
    expect(dayMonth('2025-11-03')).toBe('03.11');
    expect(dayOfMonth('2025-09-01')).toBe(1);
  });

  it('names months in the nominative, the genitive after a day, and abbreviated', () => {
    expect(monthName('2025-05-12')).toBe('май');
    expect(monthName('2025-09')).toBe('сентябрь');
    expect(monthAndYear('2026-01')).toBe('январь 2026');
    expect(dayAndMonthName('2025-05-09')).toBe('9 мая');
    expect(dayAndMonthName('2026-03-08')).toBe('8 марта');
    expect(dayAndMonthName('2025-12-31')).toBe('31 декабря');
    expect(monthAbbreviation('2025-02-10')).toBe('февр.');
    expect(monthAbbreviation('2025-05-10')).toBe('май');
  });
});

describe('calendar arithmetic on ISO dates', () => {
  it('adds days across month ends, year ends and 29 February', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-10-31', 7)).toBe('2025-11-07');
    // Centuries are leap years only every 400 years.
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
  });

  it('counts the days between two dates, negative backwards', () => {
    expect(daysBetween('2025-09-01', '2025-09-01')).toBe(0);
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2025-02-01', '2025-03-01')).toBe(28);
    // 1 September to 31 May: 30+31+30+31+31+28+31+30 days to 1 May, and 30 more.
    expect(daysBetween('2025-09-01', '2026-05-31')).toBe(272);
    expect(daysBetween('2025-01-10', '2025-01-01')).toBe(-9);
  });

  it('knows the weekday, Monday first, and the Monday of a week', () => {
    expect(weekdayOf('2025-09-01')).toBe(1);
    expect(weekdayOf('2024-02-29')).toBe(4);
    expect(weekdayOf('2025-09-07')).toBe(7);
    expect(weekdayShortName('2025-09-07')).toBe('вс');
    expect(weekdayShortName('2025-09-01')).toBe('пн');
    expect(mondayOf('2025-09-01')).toBe('2025-09-01');
    expect(mondayOf('2025-09-07')).toBe('2025-09-01');
    expect(mondayOf('2024-03-02')).toBe('2024-02-26');
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
  });

  it('gives a month its first and last day', () => {
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2025-02')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(monthRange('2025-04')).toEqual({ from: '2025-04-01', to: '2025-04-30' });
    expect(monthRange('2025-12')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('lists the months of a school year across the new year', () => {
    expect(monthsBetween('2025-09-01', '2026-05-31')).toEqual([
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
    ]);
    expect(monthsBetween('2025-09-15', '2025-09-20')).toEqual(['2025-09']);
    expect(monthsBetween('2025-10-01', '2025-09-30')).toEqual([]);
  });

  it('tells a real date from one the calendar lacks', () => {
    expect(parseDay('2024-02-29')).not.toBeNull();
    expect(parseDay('2025-02-29')).toBeNull();
    expect(parseDay('2025-04-31')).toBeNull();
    expect(parseDay('2025-9-1')).toBeNull();
    expect(isoOf(2025, 9, 1)).toBe('2025-09-01');
    expect(isoOf(2024, 2, 29)).toBe('2024-02-29');
    expect(isoOf(2025, 2, 29)).toBeNull();
    expect(isoOf(2025, 13, 1)).toBeNull();
    expect(() => addDays('2025-02-30', 1)).toThrow(AppError);
  });

  it("writes a moment in this computer's local time", () => {
    const lateEvening = new Date(2025, 0, 5, 23, 59, 8);
    expect(localDate(lateEvening)).toBe('2025-01-05');
    expect(localTimestamp(lateEvening)).toBe('2025-01-05 23:59:08');
  });
});
