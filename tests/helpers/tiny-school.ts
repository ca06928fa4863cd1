// A small school built by hand, row by row, whose report figures the tests compute by hand:
//   5А (quarters): seven students on the roll at the end of the 1st quarter and one who left on 10 October;
//   English split into two subgroups with their own teachers; PE «зач»/«осв»; one «н/а».
//   1А: two students and no marks. 10А (half-years): two students.
// Everything goes through the demo's raw writers, so the rows are exactly what the schema stores.
import { hashPasswordSync } from '../../src/core/auth/password';
import type { Db } from '../../src/core/db/open';
import { writers } from '../../src/core/demo/sql';
import type { Role } from '../../src/shared/roles';

export const tinyLogins = ['zavuch', 'klruk', 'math', 'eng1', 'eng2', 'pe'] as const;

// Hashing «demo» is deliberately slow: once per test file serves every account.
let demoHash: string | undefined;
const hashOfDemo = () => (demoHash ??= hashPasswordSync('demo'));

export function buildTinySchool(db: Db) {
  const w = writers(db.$client);
  const at = '2025-08-20 10:00:00';
  const hash = hashOfDemo();
  const user = (login: string, last: string, roles: string[]) => {
    const id = w.user(login, hash, last, 'Анна', 'Петровна', 1, 0, at);
    for (const r of roles) w.role(id, r);
    return id;
  };
  const deputy = user('zavuch', 'Завучева', ['deputy']);
  const klruk = user('klruk', 'Классова', ['teacher', 'class_teacher']);
  const math = user('math', 'Счётова', ['teacher']);
  const eng1 = user('eng1', 'Инглишева', ['teacher']);
  const eng2 = user('eng2', 'Бритова', ['teacher']);
  const pe = user('pe', 'Спортова', ['teacher']);
  w.setting('school.name', JSON.stringify('Тестовая школа'));

  const year = w.year('2025/2026', '2025-09-01', '2026-05-31', 1);
  for (const g of [1, 5]) w.scheme(year, g, 'quarters');
  w.scheme(year, 10, 'half_years');
  const q1 = w.period(year, 'quarters', 1, '1 четверть', '2025-09-01', '2025-10-26', null);
  const q2 = w.period(year, 'quarters', 2, '2 четверть', '2025-11-05', '2025-12-28', null);
  const h1 = w.period(year, 'half_years', 1, '1 полугодие', '2025-09-01', '2025-12-28', null);
  const lessonKind = w.workKind('lesson', 'Ответ на уроке', 'отв', 1, 0, '#000000', 1);
  const controlKind = w.workKind('control', 'Контрольная работа', 'кр', 2, 1, '#cc0000', 2);
  const rus = w.subject('Русский язык', 'Рус', 10);
  const mat = w.subject('Математика', 'Мат', 20);
  const eng = w.subject('Английский язык', 'Англ', 30);
  const phys = w.subject('Физическая культура', 'Физ', 40);

  const c1 = w.klass(year, 1, 'А', 1, null);
  const c5 = w.klass(year, 5, 'А', 1, klruk);
  const c10 = w.klass(year, 10, 'А', 1, null);
  const student = (last: string, cls: number, end: string | null = null) => {
    const id = w.student(last, 'Иван', null, null, null, null, at);
    w.enrollment(id, cls, '2025-09-01', end);
    return id;
  };
  // Alphabetical: the report numbers them 1…8 in this order.
  const s = {
    A: student('Алексеев', c5),
    B: student('Борисова', c5),
    C: student('Васильев', c5),
    D: student('Григорьева', c5),
    E: student('Дмитриев', c5),
    F: student('Егорова', c5),
    G: student('Жуков', c5),
    H: student('Зайцева', c5, '2025-10-10'), // left mid-quarter
    first1: student('Первоклассов', c1),
    first2: student('Первоклассова', c1),
    K: student('Кузнецов', c10),
    L: student('Лебедева', c10),
  };
  const g1 = w.subgroup(c5, eng, '1 группа');
  const g2 = w.subgroup(c5, eng, '2 группа');
  for (const id of [s.A, s.B, s.C, s.D]) w.member(g1, id, '2025-09-01', null, null);
  for (const id of [s.E, s.F, s.G, s.H]) w.member(g2, id, '2025-09-01', null, null);

  const a = {
    rus5: w.assignment(year, klruk, c5, null, rus, 5),
    mat5: w.assignment(year, math, c5, null, mat, 5),
    eng5g1: w.assignment(year, eng1, c5, g1, eng, 3),
    eng5g2: w.assignment(year, eng2, c5, g2, eng, 3),
    pe5: w.assignment(year, pe, c5, null, phys, 2),
    rus1: w.assignment(year, klruk, c1, null, rus, 5),
    mat10: w.assignment(year, math, c10, null, mat, 4),
    rus10: w.assignment(year, klruk, c10, null, rus, 3),
  };

  // 1st quarter marks of 5А: student → [Русский, Математика, Английский, Физкультура].
  const q1Marks: Record<string, [string, string, string, string | null]> = {
    A: ['5', '5', '5', 'зач'],
    B: ['4', '5', '5', null],
    C: ['4', '4', '5', null],
    D: ['3', '4', '5', null],
    E: ['3', '3', '4', null],
    F: ['2', '3', '3', null],
    G: ['н/а', '4', '4', 'осв'],
  };
  const groupOf = (key: string) => (['A', 'B', 'C', 'D'].includes(key) ? a.eng5g1 : a.eng5g2);
  for (const [key, [r, m, e, p]] of Object.entries(q1Marks)) {
    const id = s[key as keyof typeof s];
    w.periodMark(id, rus, year, 'period', q1, r, a.rus5, at, klruk);
    w.periodMark(id, mat, year, 'period', q1, m, a.mat5, at, math);
    w.periodMark(id, eng, year, 'period', q1, e, groupOf(key), at, null);
    if (p) w.periodMark(id, phys, year, 'period', q1, p, a.pe5, at, pe);
  }
  // 10А's half-year marks (counted in the 2nd quarter's school results, not in the 1st).
  w.periodMark(s.K, mat, year, 'period', h1, '5', a.mat10, at, math);
  w.periodMark(s.K, rus, year, 'period', h1, '5', a.rus10, at, klruk);
  w.periodMark(s.L, mat, year, 'period', h1, '4', a.mat10, at, math);
  w.periodMark(s.L, rus, year, 'period', h1, '2', a.rus10, at, klruk);

  // Lessons and absences of 5А (attendance): see the attendance tests for the hand count.
  const lesson = (assignment: number, date: string, n: number, status = 'held') =>
    w.lesson(
      assignment,
      date,
      n,
      'Тема',
      'Задание',
      lessonKind,
      null,
      klruk,
      status,
      `${date} 14:00:00`,
      `${date} 14:00:00`,
      null,
      at,
    );
  const l = {
    rus0901: lesson(a.rus5, '2025-09-01', 1),
    mat0901: lesson(a.mat5, '2025-09-01', 2),
    eng1_0901: lesson(a.eng5g1, '2025-09-01', 3),
    eng2_0901: lesson(a.eng5g2, '2025-09-01', 3),
    rus0902: lesson(a.rus5, '2025-09-02', 1),
    mat0902: lesson(a.mat5, '2025-09-02', 2),
    mat0903: lesson(a.mat5, '2025-09-03', 1, 'not_held'),
    rus0903: lesson(a.rus5, '2025-09-03', 2),
    rus1015: lesson(a.rus5, '2025-10-15', 1),
  };
  const absent = (lessonId: number, studentId: number, code: string) => w.absence(lessonId, studentId, code, at, klruk);
  absent(l.rus0901, s.A, 'б');
  absent(l.mat0901, s.A, 'б');
  absent(l.eng1_0901, s.A, 'б'); // A: the whole of 1 September, by illness
  absent(l.rus0901, s.E, 'н');
  absent(l.mat0901, s.E, 'н'); // E: two of three lessons — not a whole day
  absent(l.rus0902, s.B, 'оп'); // late: present
  absent(l.mat0902, s.B, 'у');
  absent(l.rus0902, s.H, 'у');
  absent(l.mat0902, s.H, 'у'); // H: the whole of 2 September, excused
  absent(l.rus0903, s.D, 'н'); // D: 3 September had one lesson held (maths was cancelled): a whole day
  absent(l.rus1015, s.F, 'н'); // F: the only lesson of 15 October

  return {
    year,
    periods: { q1, q2, h1 },
    classes: { c1, c5, c10 },
    students: s,
    assignments: a,
    users: { deputy, klruk, math, eng1, eng2, pe },
    kinds: { lessonKind, controlKind },
    lessons: l,
    subjects: { rus, mat, eng, phys },
  };
}
export type TinySchool = ReturnType<typeof buildTinySchool>;

/** An account the tiny school does not have (it has no admin, director or secretary), password «demo». */
export function addAccount(db: Db, login: string, lastName: string, roles: readonly Role[]): number {
  const w = writers(db.$client);
  const id = w.user(login, hashOfDemo(), lastName, 'Ольга', 'Ивановна', 1, 0, '2025-08-20 10:00:00');
  for (const r of roles) w.role(id, r);
  return id;
}
