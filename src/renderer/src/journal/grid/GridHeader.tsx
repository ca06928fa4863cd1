import { dayAndMonthName, dayOfMonth, monthKey } from '../../../../shared/dates';
import type { GridLesson, GridModel } from './useGrid';

// Wide enough for a full month name: otherwise the short form («окт.») fits a one- or two-lesson month.
const fullNameMinSpan = 3;

function lessonTitle(lesson: GridLesson): string {
  const lines = [`${dayAndMonthName(lesson.date)}, ${lesson.lessonNumber}-й урок`];
  if (lesson.topic) lines.push(lesson.topic);
  if (lesson.isSubstitution) lines.push(`Замена: ${lesson.givenByName}`);
  if (lesson.status === 'not_held') lines.push('Урок не проведён');
  return lines.join('\n');
}

function dayClass(lesson: GridLesson, today: string, monthStart: boolean): string {
  const classes = ['zg-day'];
  if (monthStart) classes.push('zg-month-start');
  if (lesson.date === today) classes.push('zg-day-today');
  else if (lesson.date > today) classes.push('zg-day-planned');
  if (lesson.status === 'not_held') classes.push('zg-day-not-held');
  return classes.join(' ');
}

/** Two header rows: months over their lessons, then the day of each lesson (an orange bar under it: a substitution). */
export function GridHeader({
  model,
  today,
  activeLessonId,
  onPickLesson,
}: {
  model: GridModel;
  today: string;
  activeLessonId: number | null;
  onPickLesson(col: number): void;
}) {
  return (
    <thead>
      <tr>
        <th rowSpan={2} className="zg-num">
          №
        </th>
        <th rowSpan={2} className="zg-name">
          Ученик
        </th>
        {model.months.map((m, i) => (
          <th key={m.key} colSpan={m.span} className={`zg-month${i > 0 ? ' zg-month-start' : ''}`} title={m.name}>
            <span className="zg-month-label">{m.span >= fullNameMinSpan ? m.name : m.shortName}</span>
          </th>
        ))}
        <th rowSpan={2} className="zg-avg" title="Средневзвешенный балл за период">
          Ср.
        </th>
        <th
          rowSpan={2}
          className="zg-suggest"
          title="Отметка за период по правилу округления школы; красным — рекомендуется «н/а»"
        >
          Реком.
        </th>
        <th rowSpan={2} className="zg-final" title={model.yearScope ? 'Годовая отметка' : 'Отметка за период'}>
          {model.yearScope ? 'Год' : 'Итог'}
        </th>
      </tr>
      <tr>
        {model.lessons.map((lesson, i) => (
          <th
            key={lesson.id}
            className={`${dayClass(lesson, today, i > 0 && monthKey(lesson.date) !== monthKey(model.lessons[i - 1]?.date ?? ''))}${lesson.id === activeLessonId ? ' zg-day-active' : ''}`}
            onMouseDown={() => onPickLesson(i)}
            title={lessonTitle(lesson)}
            data-testid={`lesson-${lesson.id}`}
            data-date={lesson.date}
          >
            {dayOfMonth(lesson.date)}
            {lesson.isSubstitution && (
              <span className="zg-sub" role="img" aria-label="замена" data-testid="substitution-mark" />
            )}
          </th>
        ))}
      </tr>
    </thead>
  );
}
