// Итоги успеваемости за период (или год) по классам, предметам, учителям, параллелям и школе.
import type { ProgressData, ProgressLevel, ProgressRow } from '../../shared/contract/report-data';
import type { TermFacts } from './facts';
import { progressStatsOf, type MarkEntry } from './stats';

interface Group {
  key: string;
  label: string;
  order: number;
  roster: Set<number>;
  entries: MarkEntry[];
}

const levelLabel: Record<ProgressLevel, string> = {
  class: 'класс',
  subject: 'предмет',
  teacher: 'учитель',
  grade: 'параллель',
  school: 'школа',
};
export const progressLevelName = (level: ProgressLevel) => levelLabel[level];

function row(group: Group, names: Map<number, string> | null, markless: ReadonlySet<number>): ProgressRow {
  const { verdicts, ...stats } = progressStatsOf([...group.roster], group.entries, markless);
  const pick = (test: (v: ReturnType<typeof verdicts.get> & object) => boolean) =>
    names
      ? [...verdicts]
          .filter(([, v]) => test(v))
          .map(([id]) => names.get(id) ?? '')
          .sort((a, b) => a.localeCompare(b, 'ru'))
      : [];
  return {
    key: group.key,
    label: group.label,
    ...stats,
    names: {
      excellent: pick((v) => v.category === 'excellent' && !v.notAttested),
      oneFour: pick((v) => v.oneFour),
      oneThree: pick((v) => v.oneThree),
      failing: pick((v) => v.category === 'failing'),
      notAttested: pick((v) => v.notAttested),
    },
  };
}

/**
 * The results of a term grouped by `level`. Per class and grade a student's category comes from all their
 * marks; per subject and teacher from the marks in that subject (of that teacher), and the roll is everyone
 * who studies it (with that teacher), so a mark not set counts against the percentages. The total is always
 * the whole selection, students counted once.
 */
export function progressResults(facts: TermFacts, level: ProgressLevel, termName: string): ProgressData {
  const classById = new Map(facts.classes.map((c) => [c.id, c]));
  const studentName = new Map(facts.roster.map((r) => [r.studentId, r.name]));
  const groups = new Map<string, Group>();
  const group = (key: string, label: string, order: number) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, label, order, roster: new Set(), entries: [] }));
    return g;
  };
  const classGroup = (classId: number) => {
    const c = classById.get(classId);
    if (!c) return null;
    if (level === 'class') return group(`class:${c.id}`, c.name, c.grade * 100 + facts.classes.indexOf(c));
    if (level === 'grade') return group(`grade:${c.grade}`, `${c.grade} классы`, c.grade);
    if (level === 'school') return group('school', 'Школа', 0);
    return null;
  };
  const subjectGroup = (subjectId: number) => {
    const s = facts.subjects.get(subjectId);
    return group(`subject:${subjectId}`, s?.name ?? '—', s?.order ?? 0);
  };
  const teacherGroup = (teacherId: number | null) =>
    group(
      `teacher:${teacherId ?? 0}`,
      teacherId === null ? 'Учитель не указан' : (facts.teachers.get(teacherId) ?? '—'),
      0,
    );
  for (const r of facts.roster) classGroup(r.classId)?.roster.add(r.studentId);
  for (const t of facts.taught) {
    if (level === 'subject') subjectGroup(t.subjectId).roster.add(t.studentId);
    if (level === 'teacher') teacherGroup(t.teacherId).roster.add(t.studentId);
  }
  for (const m of facts.marks) {
    const g =
      level === 'subject'
        ? subjectGroup(m.subjectId)
        : level === 'teacher'
          ? teacherGroup(m.teacherId)
          : classGroup(m.classId);
    if (!g) continue;
    g.roster.add(m.studentId);
    g.entries.push({ studentId: m.studentId, value: m.value });
  }
  // The 1st grade gets no marks (DOMAIN.md): on the roll, but not in the percentages.
  const markless = new Set(facts.roster.filter((r) => classById.get(r.classId)?.grade === 1).map((r) => r.studentId));
  const rows = [...groups.values()]
    .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label, 'ru'))
    .map((g) => row(g, level === 'class' ? studentName : null, markless));
  const everyone: Group = {
    key: 'total',
    label: 'Итого',
    order: 0,
    roster: new Set(facts.roster.map((r) => r.studentId)),
    entries: facts.marks.map((m) => ({ studentId: m.studentId, value: m.value })),
  };
  return { level, termName, rows, total: row(everyone, null, markless) };
}
