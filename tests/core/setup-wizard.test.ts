import { describe, expect, it } from 'vitest';
import type { SchoolCalendar } from '../../src/shared/contract/calendar';
import { fixedClock } from '../../src/core/clock';
import { writers } from '../../src/core/demo/sql';
import { contract } from '../../src/shared/contract';
import { directCaller, testCore } from '../helpers/core';

const admin = {
  login: 'admin',
  password: 'надёжный-пароль1',
  lastName: 'Петрова',
  firstName: 'Анна',
  middleName: 'Сергеевна',
};
const school = {
  schoolName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 7»',
  shortName: 'МБОУ СШ № 7',
  address: 'г. Энск, ул. Школьная, 1',
  director: 'Сидоров Пётр Иванович',
};

const profile = {
  fullName: school.schoolName,
  shortName: school.shortName,
  address: school.address,
  director: school.director,
};
const count = (core: ReturnType<typeof testCore>, table: string) =>
  (core.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('the first-start wizard proposes the current year and creates the school with it', () => {
  const core = testCore({ clock: fixedClock('2025-10-15T10:00:00') });
  const api = directCaller(core);
  let calendar: SchoolCalendar;

  it('proposes 2025/2026 with quarters for 1–9, half-years for 10–11, trimesters on offer, and the holidays', async () => {
    ({ calendar } = await api.value(contract.setup.defaults, {}));
    expect(calendar.year).toEqual({ name: '2025/2026', startDate: '2025-09-01', endDate: '2026-05-31' });
    expect(calendar.gradeSchemes).toEqual([...Array(9).fill('quarters'), 'half_years', 'half_years']);
    expect(calendar.periods.filter((p) => p.scheme === 'quarters').map((p) => p.name)).toEqual([
      '1 четверть',
      '2 четверть',
      '3 четверть',
      '4 четверть',
    ]);
    expect(calendar.periods.filter((p) => p.scheme === 'trimesters')).toHaveLength(3);
    expect(calendar.holidays.map((h) => h.name)).toContain('Осенние каникулы');
  });

  it('refuses overlapping quarters with a Russian message and leaves the database empty', async () => {
    const broken = structuredClone(calendar);
    const q2 = broken.periods.find((p) => p.scheme === 'quarters' && p.number === 2);
    if (!q2) throw new Error('no 2nd quarter');
    q2.startDate = '2025-10-01';
    const res = await api.send(contract.setup.createSchool, { ...school, calendar: broken, admin });
    expect(res).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        message: '«2 четверть» начинается 01.10.2025, раньше чем кончается «1 четверть» (24.10.2025)',
      },
    });
    expect(await api.send(contract.setup.status, {})).toMatchObject({ value: { hasSchool: false } });
    expect(count(core, 'school_years')).toBe(0);
  });

  it('creates the school: details, the year with 5th grade on trimesters, holidays and the admin', async () => {
    const mine = structuredClone(calendar);
    mine.gradeSchemes[4] = 'trimesters';
    mine.holidays.push({ name: 'День школы', startDate: '2026-02-02', endDate: '2026-02-02', grade: null });
    expect(await api.send(contract.setup.createSchool, { ...school, calendar: mine, admin })).toEqual({
      ok: true,
      value: null,
    });
    expect(await api.send(contract.setup.status, {})).toMatchObject({
      value: { hasSchool: true, schoolName: school.shortName },
    });
    expect(await api.send(contract.setup.createSchool, { ...school, admin })).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    });
    await api.send(contract.auth.login, { login: 'admin', password: admin.password });
    expect(await api.send(contract.profile.get, {})).toEqual({
      ok: true,
      value: {
        fullName: school.schoolName,
        shortName: school.shortName,
        address: school.address,
        director: school.director,
      },
    });
    const years = await api.value(contract.school.years, {});
    expect(years).toMatchObject([{ name: '2025/2026', isCurrent: true }]);
    const yearId = years[0]!.id;
    const grade5 = await api.value(contract.school.periods, { yearId, grade: 5 });
    expect(grade5.map((p) => p.name)).toEqual(['1 триместр', '2 триместр', '3 триместр']);
    const grade10 = await api.value(contract.school.periods, { yearId, grade: 10 });
    expect(grade10.map((p) => p.name)).toEqual(['1 полугодие', '2 полугодие']);
    expect(count(core, 'holidays')).toBe(mine.holidays.length);
    // The usual work kinds and a bell schedule, so lessons can be generated before anyone opens «Виды работ».
    expect(
      core.db.$client
        .prepare(
          "select name, weight, is_control as c from work_kinds where code in ('lesson', 'control') order by sort_order",
        )
        .all(),
    ).toEqual([
      { name: 'Ответ на уроке', weight: 1, c: 0 },
      { name: 'Контрольная работа', weight: 2, c: 1 },
    ]);
    expect(
      core.db.$client.prepare('select start_time as s from bell_times where shift = 1 and number = 1').get(),
    ).toEqual({ s: '08:30' });
  });

  it('edits the details and the calendar in Администрирование; after the first mark periods stay, holidays still change', async () => {
    expect(await api.send(contract.profile.save, { ...profile, director: 'Иванова Ольга Николаевна' })).toEqual({
      ok: true,
      value: null,
    });
    expect(await api.send(contract.profile.get, {})).toMatchObject({ value: { director: 'Иванова Ольга Николаевна' } });

    const { yearId, calendar: stored, periodsLocked } = await api.value(contract.calendar.get, {});
    expect(periodsLocked).toBe(false);
    const moved = structuredClone(stored);
    const q1 = moved.periods.find((p) => p.scheme === 'quarters' && p.number === 1);
    if (!q1) throw new Error('no 1st quarter');
    q1.endDate = '2025-10-23';
    expect(await api.send(contract.calendar.save, { yearId, calendar: moved })).toEqual({ ok: true, value: null });
    const q1Id = core.db.$client
      .prepare("select id, end_date from periods where scheme = 'quarters' and number = 1")
      .get() as { id: number; end_date: string };
    expect(q1Id.end_date).toBe('2025-10-23');

    // A period mark in the 1st quarter: from now on the quarters are fixed.
    const w = writers(core.db.$client);
    const subject = w.subject('Математика', 'Мат', 1);
    const student = w.student('Учеников', 'Иван', null, '2014-03-01', 'm', null, '2025-09-01 10:00:00');
    w.periodMark(student, subject, yearId, 'period', q1Id.id, '5', null, '2025-10-20 10:00:00', 1);
    const locked = await api.send(contract.calendar.get, {});
    expect(locked).toMatchObject({ ok: true, value: { periodsLocked: true } });
    q1.endDate = '2025-10-22';
    const refused = await api.send(contract.calendar.save, { yearId, calendar: moved });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'locked', message: expect.stringMatching(/^В 2025\/2026 учебном году уже выставлены отметки/) },
    });
    expect(
      (core.db.$client.prepare('select end_date from periods where id = ?').get(q1Id.id) as { end_date: string })
        .end_date,
    ).toBe('2025-10-23');

    q1.endDate = '2025-10-23';
    moved.holidays = moved.holidays.filter((h) => h.name !== 'День школы');
    expect(await api.send(contract.calendar.save, { yearId, calendar: moved })).toEqual({ ok: true, value: null });
    expect(count(core, 'holidays')).toBe(moved.holidays.length);
    expect(count(core, "audit_log where action = 'calendar.save'")).toBe(2);
  });

  it('lets only the administrator change the school', async () => {
    const other = directCaller(core);
    expect(await other.send(contract.profile.save, profile)).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    });
  });
});
