// Thematic plans (КТП): ordered topics whose hours add up to the curriculum's yearly hours, with an
// assessed work (control, dictation, laboratory, practical) every 8–12 hours; and homework texts.
import type { HomeworkStyle, SubjectDef, WorkKindCode } from './curriculum';
import { at, type Rng } from './random';
import { themesOf } from './topics';

export interface PlanTopic {
  section: string;
  title: string;
  hours: number;
  kind: WorkKindCode | null;
}

const continuation: Record<string, readonly string[]> = {
  math: ['Решение задач', 'Закрепление', 'Практикум'],
  rus: ['Упражнения', 'Закрепление', 'Развитие речи'],
  eng: ['Практика речи', 'Чтение и аудирование', 'Лексика и грамматика'],
  other: ['Закрепление', 'Обобщение', 'Практикум'],
};

function controlTitle(kind: WorkKindCode, n: number, section: string, theme: string): string {
  switch (kind) {
    case 'dictation':
      return `Контрольный диктант № ${n} по теме «${section}»`;
    case 'lab':
      return `Лабораторная работа № ${n} «${theme}»`;
    case 'practical':
      return `Практическая работа № ${n} «${theme}»`;
    case 'check':
      return `Проверочная работа № ${n} по разделу «${section}»`;
    default:
      return `Контрольная работа № ${n} по теме «${section}»`;
  }
}

export function buildPlan(subject: SubjectDef, grade: number, hoursPerYear: number, rng: Rng): PlanTopic[] {
  const themes = themesOf(subject.key, grade);
  const kinds = grade === 1 ? [] : subject.controls;
  const hoursPerWeek = hoursPerYear / 34;
  const interval = hoursPerWeek <= 2 ? 8 : hoursPerWeek <= 4 ? 10 : 12;
  const controls = kinds.length > 0 ? Math.max(1, Math.floor(hoursPerYear / interval)) : 0;
  const rest = hoursPerYear - controls;
  const used = themes.slice(0, Math.min(themes.length, rest));
  const base = Math.floor(rest / used.length);
  const extra = rest % used.length;
  const words =
    continuation[
      subject.homework === 'math' || subject.key === 'phys' || subject.key === 'chem'
        ? 'math'
        : subject.key === 'rus'
          ? 'rus'
          : subject.key === 'eng'
            ? 'eng'
            : 'other'
    ] ?? [];

  const topics: PlanTopic[] = [];
  const counters = new Map<WorkKindCode, number>();
  let placedControls = 0;
  let sinceControl = 0;
  const addControl = (section: string, theme: string) => {
    const kind = at(kinds, placedControls % kinds.length);
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    topics.push({ section, title: controlTitle(kind, n, section, theme), hours: 1, kind });
    placedControls++;
    sinceControl = 0;
  };
  used.forEach((theme, i) => {
    let hours = base + (i < extra ? 1 : 0);
    let part = 0;
    while (hours > 0) {
      const chunk = hours >= 3 ? rng.int(1, 2) : hours;
      const title = part === 0 ? theme.title : `${theme.title}. ${at(words, (part - 1) % words.length)}`;
      topics.push({ section: theme.section, title, hours: chunk, kind: null });
      hours -= chunk;
      part++;
      sinceControl += chunk;
      if (placedControls < controls && sinceControl >= interval) addControl(theme.section, theme.title);
    }
  });
  const last = themes[used.length - 1] ?? { section: 'Повторение', title: 'Повторение' };
  while (placedControls < controls) addControl(last.section, last.title);
  return topics;
}

/** The homework written on a lesson: `k` is the lesson's ordinal in the year (paragraphs and exercises advance). */
export function homework(style: HomeworkStyle, k: number, rng: Rng): string | null {
  const p = Math.floor(k / 2) + 1;
  const e = 3 * k + rng.int(1, 3);
  const page = 5 + 3 * k + rng.int(0, 2);
  switch (style) {
    case 'rus':
      return rng.pick([`Упр. ${e}`, `§ ${p}, упр. ${e}`, `Упр. ${e}, ${e + 1}`, `§ ${p}, выучить правило, упр. ${e}`]);
    case 'lit':
      return rng.pick([
        `Прочитать стр. ${page}–${page + rng.int(4, 12)}`,
        `Выразительное чтение, стр. ${page}`,
        'Выучить стихотворение наизусть',
        `Ответить на вопросы, стр. ${page}`,
        'Подготовить пересказ',
      ]);
    case 'math': {
      const n = 10 + 6 * k + rng.int(0, 4);
      return rng.pick([`№ ${n}, ${n + 2}, ${n + 4}`, `п. ${p}, № ${n}–${n + 3}`, `№ ${n} (а, б), ${n + 1}`]);
    }
    case 'eng':
      return rng.pick([
        `Стр. ${page}, упр. ${rng.int(1, 9)}`,
        `Выучить слова, стр. ${page}`,
        `Workbook, стр. ${page}, упр. ${rng.int(1, 5)}–${rng.int(6, 9)}`,
      ]);
    case 'para':
      return rng.pick([
        `§ ${p}, вопросы 1–${rng.int(3, 6)}`,
        `§ ${p}, читать, пересказывать`,
        `§ ${p}, задание ${rng.int(1, 5)} на стр. ${page}`,
        `§ ${p}`,
      ]);
    case 'world':
      return rng.pick([
        `Учебник, стр. ${page}–${page + 3}; рабочая тетрадь, стр. ${Math.ceil(page / 2)}`,
        `Стр. ${page}, ответить на вопросы`,
      ]);
    case 'art':
      return rng.chance(0.3) ? rng.pick(['Принести альбом и краски', 'Закончить рисунок']) : null;
    default:
      return null;
  }
}
