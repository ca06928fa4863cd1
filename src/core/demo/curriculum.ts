// Subjects, work kinds and the weekly plan per grade, close to the federal plans (ФОП НОО/ООО/СОО,
// five-day week's hours — spread over six days in grades 5–11 by the timetable — universal profile in 10–11).

export type WorkKindCode =
  'lesson' | 'independent' | 'control' | 'lab' | 'practical' | 'dictation' | 'homework' | 'check';

export interface WorkKindDef {
  code: WorkKindCode;
  name: string;
  short: string;
  weight: number;
  isControl: boolean;
  color: string;
}

export const workKinds: readonly WorkKindDef[] = [
  { code: 'lesson', name: 'Ответ на уроке', short: 'Отв', weight: 1, isControl: false, color: '#4a5568' },
  {
    code: 'independent',
    name: 'Самостоятельная работа',
    short: 'Сам',
    weight: 1.5,
    isControl: false,
    color: '#2b6cb0',
  },
  { code: 'control', name: 'Контрольная работа', short: 'К/р', weight: 2, isControl: true, color: '#c53030' },
  { code: 'lab', name: 'Лабораторная работа', short: 'Л/р', weight: 1.5, isControl: true, color: '#2f855a' },
  { code: 'practical', name: 'Практическая работа', short: 'П/р', weight: 1.5, isControl: true, color: '#b7791f' },
  { code: 'dictation', name: 'Диктант', short: 'Дикт', weight: 2, isControl: false, color: '#6b46c1' },
  { code: 'homework', name: 'Домашняя работа', short: 'Д/з', weight: 1, isControl: false, color: '#319795' },
  { code: 'check', name: 'Проверочная работа', short: 'Пров', weight: 1.5, isControl: false, color: '#dd6b20' },
];

export type SubjectKey =
  | 'rus'
  | 'litread'
  | 'lit'
  | 'eng'
  | 'math'
  | 'alg'
  | 'geom'
  | 'prob'
  | 'inf'
  | 'hist'
  | 'soc'
  | 'geo'
  | 'bio'
  | 'phys'
  | 'chem'
  | 'world'
  | 'orkse'
  | 'odnknr'
  | 'music'
  | 'art'
  | 'tech'
  | 'pe'
  | 'obzr'
  | 'project';

/** How homework is written for the subject; null: usually none. */
export type HomeworkStyle = 'rus' | 'lit' | 'math' | 'eng' | 'para' | 'world' | 'art' | null;

export interface SubjectDef {
  key: SubjectKey;
  name: string;
  short: string;
  /** Безотметочные (ОРКСЭ, ОДНКНР): no current marks, «зач» for the period. */
  graded: boolean;
  /** The assessed works the thematic plan interleaves, in turn (every ~8 lessons). */
  controls: readonly WorkKindCode[];
  homework: HomeworkStyle;
}

const s = (
  key: SubjectKey,
  name: string,
  short: string,
  controls: WorkKindCode[],
  homework: HomeworkStyle,
  graded = true,
): SubjectDef => ({
  key,
  name,
  short,
  graded,
  controls,
  homework,
});

/** In the journal's order. */
export const subjects: readonly SubjectDef[] = [
  s('rus', 'Русский язык', 'Рус. яз.', ['dictation', 'control'], 'rus'),
  s('litread', 'Литературное чтение', 'Лит. чт.', ['check'], 'lit'),
  s('lit', 'Литература', 'Лит.', ['control'], 'lit'),
  s('eng', 'Иностранный язык (английский)', 'Англ. яз.', ['control'], 'eng'),
  s('math', 'Математика', 'Мат.', ['control'], 'math'),
  s('alg', 'Алгебра', 'Алг.', ['control'], 'math'),
  s('geom', 'Геометрия', 'Геом.', ['control'], 'math'),
  s('prob', 'Вероятность и статистика', 'ВиС', ['control'], 'math'),
  s('inf', 'Информатика', 'Инф.', ['practical', 'control'], 'para'),
  s('hist', 'История', 'Ист.', ['check', 'control'], 'para'),
  s('soc', 'Обществознание', 'Общ.', ['check'], 'para'),
  s('geo', 'География', 'Геогр.', ['practical'], 'para'),
  s('bio', 'Биология', 'Биол.', ['lab', 'check'], 'para'),
  s('phys', 'Физика', 'Физ.', ['lab', 'control'], 'para'),
  s('chem', 'Химия', 'Хим.', ['practical', 'control'], 'para'),
  s('world', 'Окружающий мир', 'Окр. мир', ['check'], 'world'),
  s('orkse', 'Основы религиозных культур и светской этики', 'ОРКСЭ', [], null, false),
  s('odnknr', 'Основы духовно-нравственной культуры народов России', 'ОДНКНР', [], null, false),
  s('music', 'Музыка', 'Муз.', [], null),
  s('art', 'Изобразительное искусство', 'ИЗО', [], 'art'),
  s('tech', 'Технология (Труд)', 'Труд', ['practical'], null),
  s('pe', 'Физическая культура', 'Физ-ра', [], null),
  s('obzr', 'Основы безопасности и защиты Родины', 'ОБЗР', ['practical'], 'para'),
  s('project', 'Индивидуальный проект', 'Инд. проект', [], null),
];

export function subjectDef(key: SubjectKey): SubjectDef {
  const def = subjects.find((x) => x.key === key);
  if (!def) throw new Error(`demo: unknown subject ${key}`);
  return def;
}

type Plan = ReadonlyArray<readonly [SubjectKey, number]>;

const primary: Plan = [
  ['rus', 5],
  ['litread', 4],
  ['eng', 2],
  ['math', 4],
  ['world', 2],
  ['music', 1],
  ['art', 1],
  ['tech', 1],
  ['pe', 2],
];
const senior: Plan = [
  ['rus', 2],
  ['lit', 3],
  ['eng', 3],
  ['alg', 3],
  ['geom', 2],
  ['prob', 1],
  ['inf', 1],
  ['hist', 2],
  ['soc', 2],
  ['geo', 1],
  ['bio', 1],
  ['phys', 2],
  ['chem', 1],
  ['obzr', 1],
  ['pe', 2],
];

/** Hours per week by grade. */
const plans: Record<number, Plan> = {
  1: [
    ['rus', 5],
    ['litread', 4],
    ['math', 4],
    ['world', 2],
    ['music', 1],
    ['art', 1],
    ['tech', 1],
    ['pe', 2],
  ],
  2: primary,
  3: primary,
  4: [
    ['rus', 5],
    ['litread', 3],
    ['eng', 2],
    ['math', 4],
    ['world', 2],
    ['orkse', 1],
    ['music', 1],
    ['art', 1],
    ['tech', 1],
    ['pe', 2],
  ],
  5: [
    ['rus', 5],
    ['lit', 3],
    ['eng', 3],
    ['math', 5],
    ['hist', 2],
    ['geo', 1],
    ['bio', 1],
    ['odnknr', 1],
    ['music', 1],
    ['art', 1],
    ['tech', 2],
    ['pe', 2],
  ],
  6: [
    ['rus', 6],
    ['lit', 3],
    ['eng', 3],
    ['math', 5],
    ['hist', 2],
    ['soc', 1],
    ['geo', 1],
    ['bio', 1],
    ['music', 1],
    ['art', 1],
    ['tech', 2],
    ['pe', 2],
  ],
  7: [
    ['rus', 4],
    ['lit', 2],
    ['eng', 3],
    ['alg', 3],
    ['geom', 2],
    ['prob', 1],
    ['inf', 1],
    ['hist', 2],
    ['soc', 1],
    ['geo', 2],
    ['bio', 1],
    ['phys', 2],
    ['music', 1],
    ['art', 1],
    ['tech', 2],
    ['pe', 2],
  ],
  8: [
    ['rus', 3],
    ['lit', 2],
    ['eng', 3],
    ['alg', 3],
    ['geom', 2],
    ['prob', 1],
    ['inf', 1],
    ['hist', 2],
    ['soc', 1],
    ['geo', 2],
    ['bio', 2],
    ['phys', 2],
    ['chem', 2],
    ['music', 1],
    ['tech', 1],
    ['obzr', 1],
    ['pe', 2],
  ],
  9: [
    ['rus', 3],
    ['lit', 3],
    ['eng', 3],
    ['alg', 3],
    ['geom', 2],
    ['prob', 1],
    ['inf', 1],
    ['hist', 2],
    ['soc', 1],
    ['geo', 2],
    ['bio', 2],
    ['phys', 3],
    ['chem', 2],
    ['tech', 1],
    ['obzr', 1],
    ['pe', 2],
  ],
  10: [...senior, ['project', 1]],
  11: senior,
};

export interface CurriculumRow {
  subject: SubjectDef;
  hoursPerWeek: number;
  hoursPerYear: number;
  split: boolean;
}

/** Foreign language (2–11), informatics and technology (5–11) are taught in two subgroups. */
export function isSplit(key: SubjectKey, grade: number): boolean {
  return key === 'eng' || ((key === 'inf' || key === 'tech') && grade >= 5);
}

export function curriculumOf(grade: number): CurriculumRow[] {
  const plan = plans[grade];
  if (!plan) throw new Error(`demo: no plan for grade ${grade}`);
  return plan.map(([key, hours]) => ({
    subject: subjectDef(key),
    hoursPerWeek: hours,
    hoursPerYear: hours * (grade === 1 ? 33 : 34),
    split: isSplit(key, grade),
  }));
}

/** Bells of the first shift: 40-minute lessons, a long break after the 2nd and 3rd. */
export const bells: ReadonlyArray<readonly [string, string]> = [
  ['08:30', '09:10'],
  ['09:20', '10:00'],
  ['10:20', '11:00'],
  ['11:20', '12:00'],
  ['12:10', '12:50'],
  ['13:00', '13:40'],
  ['13:50', '14:30'],
];
