// «Замены» for a month: who replaced whom, in which class and subject, on which day, and the hours each
// substitute gave — what the school pays substitutions from. One lesson is one hour.
import { monthAndYear, monthRange, ruDate } from '../../shared/dates';
import type { SubstitutionsData } from '../../shared/contract/report-data';
import type { ReportTable } from '../../shared/contract/report-table';
import type { Actor } from '../actor';
import type { Db } from '../db/open';
import { substitutionFacts } from '../journal/substitutions';
import { yearOfDate } from '../school/years';
import { col, int, table } from '../tables/build';
import { scopeOf } from './scope';

export function substitutionsReport(db: Db, actor: Actor, month: string) {
  const range = monthRange(month);
  const scope = scopeOf(db, actor, yearOfDate(db, range.from).id);
  // A teacher sees the substitutions they gave or were replaced in.
  const facts = substitutionFacts(db, range).filter(
    (f) => scope.all || f.substituteId === scope.teacherId || f.absentTeacherId === scope.teacherId,
  );
  const rows = facts.map(({ absentTeacherId: _a, substituteId: _s, id: _i, recordedByName: _r, ...r }) => ({
    ...r,
    hours: 1,
  }));
  const bySubstitute = new Map<string, number>();
  for (const r of rows) bySubstitute.set(r.substituteName, (bySubstitute.get(r.substituteName) ?? 0) + r.hours);
  const data: SubstitutionsData = {
    month,
    rows,
    substitutes: [...bySubstitute]
      .map(([substituteName, hours]) => ({ substituteName, hours }))
      .sort((a, b) => a.substituteName.localeCompare(b.substituteName, 'ru')),
    hours: rows.length,
  };
  return {
    subtitle: `${monthAndYear(month)}, ${scope.all ? 'вся школа' : 'свои уроки'}`,
    data,
    tables: substitutionsTables(data),
  };
}

export function substitutionsTables(d: SubstitutionsData): ReportTable[] {
  return [
    table(
      `Замены уроков, ${monthAndYear(d.month)}`,
      'Один урок — один час.',
      [
        col('date', 'Дата', 10),
        int('number', 'Урок', 5),
        col('class', 'Класс', 6),
        col('subject', 'Предмет', 22),
        col('absent', 'Кого заменили', 20),
        col('substitute', 'Кто заменил', 20),
        col('reason', 'Причина', 20),
        int('hours', 'Часов', 6),
      ],
      d.rows.map((r) => [
        ruDate(r.date),
        r.lessonNumber,
        r.className,
        r.subjectName,
        r.absentTeacherName,
        r.substituteName,
        r.reason,
        r.hours,
      ]),
      { total: ['Итого', null, null, null, null, null, null, d.hours] },
    ),
    table(
      'Часы замен по учителям',
      null,
      [col('substitute', 'Учитель', 30), int('hours', 'Часов', 8)],
      d.substitutes.map((s) => [s.substituteName, s.hours]),
      { total: ['Итого', d.hours] },
    ),
  ];
}
