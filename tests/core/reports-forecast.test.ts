// The forecast on the hand-built school, with November maths marks written here and the expected figures
// worked out by hand (weights: answer 1, control work 2; rounding half up; minimum 3 marks).
import { beforeAll, describe, expect, it } from 'vitest';
import { writers } from '../../src/core/demo/sql';
import { forecastOne, trendOf } from '../../src/core/reports/forecast-model';
import { contract } from '../../src/shared/contract';
import { testCore } from '../helpers/core';
import { schoolFixture } from '../helpers/school';

const rules = { useWeights: true, rounding: 'half_up' as const, minMarks: 3 };

describe('the forecast model', () => {
  it('reads the trend from the later half against the earlier, and needs four marks for it', () => {
    const m = (date: string, value: number, weight = 1) => ({ date, value, weight });
    expect(trendOf([m('2025-11-10', 3), m('2025-11-17', 3), m('2025-11-24', 2), m('2025-12-01', 2)])).toBe(-1);
    expect(trendOf([m('2025-11-10', 3), m('2025-11-17', 3), m('2025-11-24', 2)])).toBeNull();
    // (5·1 + 3·2) / 3 = 3.67 → «4»; nothing at risk.
    expect(
      forecastOne({ marks: [m('2025-11-10', 5), m('2025-11-11', 3, 2)], lessonsHeld: 5, lessonsMissed: 0 }, rules),
    ).toMatchObject({ average: 3.67, expected: '4', risk: null, reasons: [] });
    // An exempt student with no marks is not at risk of «н/а».
    expect(forecastOne({ marks: [], lessonsHeld: 8, lessonsMissed: 0, exempt: true }, rules).risk).toBeNull();
  });

  it('applies the «н/а» rule of docs/DOMAIN.md to the subject’s absences and gives the share of all lessons missed', () => {
    const m = (date: string, value: number) => ({ date, value, weight: 1 });
    // 6 of 10 lessons missed (more than half) and 1 mark under the minimum of 3: «н/а».
    expect(
      forecastOne(
        { marks: [m('2025-11-10', 4)], lessonsHeld: 10, lessonsMissed: 6, attendance: { lessons: 40, missed: 12 } },
        rules,
      ),
    ).toMatchObject({
      expected: 'н/а',
      risk: 'н/а',
      reasons: [
        'средний балл 4,00',
        'отметок 1 при минимуме 3',
        'пропущено 6 из 10 уроков предмета (60 %) — больше половины',
        'по всем предметам пропущено 12 из 40 уроков (30 %)',
      ],
    });
    // Exactly half is not «more than half»: the mark stands, nothing at risk.
    expect(
      forecastOne(
        { marks: [m('2025-11-10', 4)], lessonsHeld: 10, lessonsMissed: 5, attendance: { lessons: 40, missed: 30 } },
        rules,
      ),
    ).toMatchObject({ expected: '4', risk: null, reasons: [] });
    // Many absences in other subjects do not make this one «н/а»: the rule counts the subject's own lessons.
    expect(
      forecastOne(
        { marks: [m('2025-11-10', 4)], lessonsHeld: 10, lessonsMissed: 1, attendance: { lessons: 40, missed: 30 } },
        rules,
      ).risk,
    ).toBeNull();
    // With enough marks, missing most lessons is no «н/а» either.
    expect(
      forecastOne(
        { marks: [m('2025-11-10', 4), m('2025-11-11', 4), m('2025-11-12', 5)], lessonsHeld: 10, lessonsMissed: 8 },
        rules,
      ),
    ).toMatchObject({ expected: '4', risk: null });
  });
});

describe('the forecast report on a school counted by hand', () => {
  const {
    core,
    tiny: school,
    callers: { deputy },
  } = schoolFixture({ school: 'tiny', now: '2026-01-20T10:00:00', as: { deputy: 'zavuch' } });

  beforeAll(async () => {
    const w = writers(core.db.$client);
    const { assignments: a, kinds, users: u, students: s } = school;
    const at = '2025-08-20 10:00:00';
    const lesson = (date: string, kind = kinds.lessonKind) =>
      w.lesson(
        a.mat5,
        date,
        1,
        'Тема',
        'Задание',
        kind,
        null,
        u.math,
        'held',
        `${date} 14:00:00`,
        `${date} 14:00:00`,
        null,
        at,
      );
    const l10 = lesson('2025-11-10');
    const l17 = lesson('2025-11-17');
    const l24 = lesson('2025-11-24', kinds.controlKind);
    const l01 = lesson('2025-12-01');
    lesson('2025-12-08'); // after the forecast's date: not counted
    const mark = (l: number, st: number, v: string, kind = kinds.lessonKind) =>
      w.mark(l, st, v, null, kind, at, u.math);
    mark(l10, s.A, '5');
    mark(l24, s.A, '5', kinds.controlKind);
    mark(l10, s.F, '3');
    mark(l17, s.F, '3');
    mark(l24, s.F, '2', kinds.controlKind);
    mark(l01, s.F, '2');
    for (const l of [l10, l17, l24]) w.absence(l, s.G, 'н', at, u.math);
    // Жуков's other lessons before 1 December: Russian on 12 November (present), English (his 2nd group) on
    // 13 November (ill) — neither journal has marks in the quarter, so neither is forecast.
    w.lesson(a.rus5, '2025-11-12', 1, 'Тема', 'Задание', kinds.lessonKind, null, u.klruk, 'held', at, at, null, at);
    const eng = w.lesson(
      a.eng5g2,
      '2025-11-13',
      1,
      'Тема',
      'Задание',
      kinds.lessonKind,
      null,
      u.eng2,
      'held',
      at,
      at,
      null,
      at,
    );
    w.absence(eng, s.G, 'б', at, u.eng2);
  });

  it('forecasts 5А maths on 1 December and names who is at risk and why', async () => {
    const d = (
      await deputy.value(contract.reports.forecast, {
        periodId: school.periods.q2,
        classId: school.classes.c5,
        asOf: '2025-12-01',
      })
    ).data;
    expect(d.subjects.map((x) => x.name)).toEqual(['Математика']); // the other journals have no marks in the quarter
    const by = Object.fromEntries(d.rows.map((r) => [r.name.split(' ')[0], r]));
    expect(Object.keys(by)).not.toContain('Зайцева'); // left in October
    expect(by['Алексеев']).toMatchObject({ average: 5, expected: '5', risk: null, markCount: 2, lessonsHeld: 4 });
    // Егорова: (3 + 3 + 2·2 + 2) / 5 = 2.4 → «2»; later half (2 [w2], 2) − earlier (3, 3) = −1.
    expect(by['Егорова']).toMatchObject({
      average: 2.4,
      trend: -1,
      expected: '2',
      risk: '2',
      reasons: ['средний балл 2,40', 'отметки снижаются (-1,00)'],
    });
    // Жуков: no mark, 3 of 4 maths lessons missed — the journal's own «н/а» rule; of all his 6 lessons
    // (4 maths, 1 Russian, 1 English) he missed 4.
    expect(by['Жуков']).toMatchObject({
      expected: 'н/а',
      risk: 'н/а',
      lessonsAll: 6,
      missedAll: 4,
      reasons: [
        'отметок 0 при минимуме 3',
        'пропущено 3 из 4 уроков предмета (75 %) — больше половины',
        'по всем предметам пропущено 4 из 6 уроков (67 %)',
      ],
    });
    // Present but never asked: before the quarter's middle (1.12 is day 26 of 53) that is no risk yet…
    expect(by['Борисова']).toMatchObject({ expected: null, risk: null, markCount: 0 });
    expect(d.atRisk.map((r) => r.name.split(' ')[0])).toEqual(['Егорова', 'Жуков']);
    expect(d.distribution).toEqual({ n5: 1, n4: 0, n3: 0, n2: 1, nNa: 1, none: 4 });
    // History: the 1st quarter (20 numeric marks of 5А) and 10А's half-year (4) are finished; no current marks
    // fell in their first halves, so there was nothing to forecast from.
    expect(d.accuracy).toMatchObject({ periods: 2, cases: 0, exactPct: null, noForecast: 24 });
  });

  it('flags no mark at all once the quarter is past its middle', async () => {
    const d = (
      await deputy.value(contract.reports.forecast, {
        periodId: school.periods.q2,
        classId: school.classes.c5,
        asOf: '2025-12-10',
      })
    ).data;
    expect(d.rows.find((r) => r.name.startsWith('Борисова'))).toMatchObject({
      risk: 'н/а',
      reasons: ['отметок 0 при минимуме 3'],
      lessonsHeld: 5,
    });
  });
});

describe('the forecast measured on the demo school’s history', () => {
  const core = testCore({ clock: { now: () => new Date('2026-11-24T10:00:00') } });

  it('replays the finished periods of two years and reports how often it was right', async () => {
    const { generateDemoSchool } = await import('../../src/core/demo');
    generateDemoSchool(core.db, { tier: 'small', years: 2, today: '2026-11-24' });
    const { measureForecast } = await import('../../src/core/reports/forecast-accuracy');
    const a = measureForecast(core.db, '2026-11-24', rules);
    // Last year's four quarters and two half-years, and this year's 1st quarter.
    expect(a.periods).toBe(7);
    expect(a.cases).toBeGreaterThan(1000);
    // The figure itself is a measurement, printed in the report; a forecast worse than a coin would be a bug.
    expect(a.exactPct).toBeGreaterThan(50);
    expect(a.withinOnePct).toBeGreaterThanOrEqual(a.exactPct!);
    console.log(`forecast accuracy on the small demo, 2 years: ${JSON.stringify(a)}`);
  });
});
