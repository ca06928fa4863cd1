import type { ClassWeek } from '../../../shared/contract';
import { dayMonth, weekdayShortName } from '../../../shared/dates';
import { absenceNames } from '../journal/grid/labels';
import { codeColor } from './codes';
import './attendance.css';

type WeekLesson = ClassWeek['lessons'][number];

/** One column per lesson of each day; a day without lessons keeps a single empty column so the week reads whole. */
function columnsOf(week: ClassWeek) {
  return week.days.map((date) => ({ date, lessons: week.lessons.filter((l) => l.date === date) }));
}

const lessonTitle = (l: WeekLesson) =>
  `${l.lessonNumber} урок: ${l.subjectName}${l.subgroupName ? ` (${l.subgroupName})` : ''}, ${l.teacherName}`;

/**
 * Students × days × lesson numbers with the codes the subject teachers entered. A whole missed day is shaded;
 * a lesson the student was not due at (another subgroup) is greyed. Clicking a «н» offers to set its reason.
 */
export function WeekGrid({
  week,
  onUnexcused,
}: {
  week: ClassWeek;
  onUnexcused?: (studentId: number, date: string) => void;
}) {
  const days = columnsOf(week);
  const codeAt = new Map(week.absences.map((a) => [`${a.lessonId}:${a.studentId}`, a.code]));
  const missedDay = new Set(week.missedDays.map((m) => `${m.studentId}:${m.date}`));
  const due = new Map(week.lessons.map((l) => [l.lessonId, l.studentIds ? new Set(l.studentIds) : null]));

  return (
    <div className="att-scroll" tabIndex={0} role="region" aria-label="Пропуски за неделю">
      <table className="att-table" data-testid="attendance-week">
        <thead>
          <tr>
            <th rowSpan={2} className="att-num">
              №
            </th>
            <th rowSpan={2} className="att-name">
              Ученик
            </th>
            {days.map((d) => (
              <th key={d.date} colSpan={Math.max(1, d.lessons.length)} className="att-day">
                {weekdayShortName(d.date)} {dayMonth(d.date)}
              </th>
            ))}
            <th rowSpan={2} className="att-total att-lessons" title="Пропущено уроков за неделю (н / б / у)">
              Уроков
            </th>
            <th rowSpan={2} className="att-total" title="Дней, все уроки которых пропущены">
              Дней
            </th>
          </tr>
          <tr>
            {days.map((d) =>
              d.lessons.length ? (
                d.lessons.map((l, i) => (
                  <th key={l.lessonId} title={lessonTitle(l)} className={i === 0 ? 'att-first' : undefined}>
                    {l.lessonNumber}
                  </th>
                ))
              ) : (
                <th key={d.date} className="att-first att-none">
                  нет уроков
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {week.students.map((s) => {
            const missed = week.absences.filter((a) => a.studentId === s.id && a.code !== 'оп').length;
            const wholeDays = week.missedDays.filter((m) => m.studentId === s.id).length;
            return (
              <tr key={s.id} data-testid={`att-row-${s.id}`}>
                <td className="att-num">{s.number}</td>
                <td className="att-name">{s.fullName}</td>
                {days.map((d) => {
                  const dayMissed = missedDay.has(`${s.id}:${d.date}`);
                  if (!d.lessons.length) return <td key={d.date} className="att-first att-none" />;
                  return d.lessons.map((l, i) => {
                    const code = codeAt.get(`${l.lessonId}:${s.id}`);
                    const notDue = due.get(l.lessonId)?.has(s.id) === false;
                    const classes = [
                      i === 0 ? 'att-first' : '',
                      dayMissed ? 'att-missed' : '',
                      notDue ? 'att-not-due' : '',
                      code === 'н' && onUnexcused ? 'att-clickable' : '',
                    ];
                    return (
                      <td
                        key={l.lessonId}
                        className={classes.filter(Boolean).join(' ')}
                        data-testid={`att-cell-${s.id}-${l.lessonId}`}
                        title={`${lessonTitle(l)}${code ? ` — ${absenceNames[code]}` : ''}${notDue ? ' — не в группе ученика' : ''}${dayMissed ? ' — пропущен весь день' : ''}`}
                        style={code ? { color: codeColor[code] } : undefined}
                        onClick={code === 'н' && onUnexcused ? () => onUnexcused(s.id, d.date) : undefined}
                      >
                        {code ?? ''}
                      </td>
                    );
                  });
                })}
                <td className="att-total att-lessons">{missed || ''}</td>
                <td className="att-total" data-testid={`att-days-${s.id}`}>
                  {wholeDays || ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
