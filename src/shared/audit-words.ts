/**
 * A stored audit value in words: the services write plain JSON (ids, codes, English field names) so that the
 * chain stays what was written; the reader gets it worded here, for the screen and the Excel export alike.
 * A field nobody has worded yet is still shown as «поле: значение», never as JSON.
 */

/** Names the viewer may know for ids the values hold (the export reads them from the database). */
export interface AuditNames {
  workKind?: (id: number) => string | undefined;
  user?: (id: number) => string | undefined;
}

/** Names from lists of {id, name} (the viewer's filter options). */
export function namesFrom(lists: {
  workKinds?: readonly { id: number; name: string }[];
  users?: readonly { id: number; name: string }[];
}): AuditNames {
  const kinds = new Map(lists.workKinds?.map((k) => [k.id, k.name]));
  const people = new Map(lists.users?.map((u) => [u.id, u.name]));
  return { workKind: (id) => kinds.get(id), user: (id) => people.get(id) };
}

const statuses: Record<string, string> = {
  planned: 'урок запланирован',
  held: 'урок проведён',
  not_held: 'урок не проведён',
};

const causes: Record<string, string> = { idle: 'бездействие', manual: 'вручную', user: 'вручную' };

const roles: Record<string, string> = {
  admin: 'администратор',
  deputy: 'завуч',
  teacher: 'учитель',
  class_teacher: 'классный руководитель',
  director: 'директор',
};

/** The labels of fields the core writes; the value follows after a colon. */
const fieldLabels: Record<string, string> = {
  topic: 'тема',
  planTopicId: 'тема КТП №',
  homework: 'домашнее задание',
  givenById: 'учитель №',
  date: 'дата',
  lessonNumber: 'урок №',
  login: 'логин',
  roles: 'роли',
  role: 'роль',
  reason: 'причина',
  note: 'примечание',
  checkedBy: 'подтвердил №',
  checkedAt: 'когда',
  topics: 'тем',
  hours: 'часов',
  fromDate: 'с',
  lessons: 'уроков',
  periodId: 'период №',
  classId: 'класс №',
  subgroupId: 'подгруппа №',
  movementId: 'приказ №',
  student: 'ученик',
  name: 'название',
  year: 'учебный год',
  admin: 'администратор',
  tier: 'размер',
  kind: 'вид',
  file: 'файл',
  path: 'папка',
  pages: 'страниц',
  duplex: 'с двух сторон',
  personalData: 'персональные данные',
  ok: 'успешно',
  written: 'записано копий',
  destinations: 'мест хранения',
  recipient: 'ключ',
  by: 'кто',
  safetyCopy: 'страховочная копия',
  auditChain: 'журнал действий в копии',
  from: 'с',
  to: 'по',
  created: 'создано',
  removed: 'удалено',
  kept: 'оставлено',
  via: 'через',
  code: 'отметка',
  format: 'формат',
  rows: 'записей',
  enabled: 'включено',
  lockedUntil: 'заблокирован до',
  lockedFrom: 'откуда',
  orderNumber: 'приказ №',
  orderDate: 'от',
  slots: 'уроков в неделю',
  clashes: 'накладок',
  missingMarks: 'без отметок',
  existing: 'уже были',
  skipped: 'пропущено',
  studentId: 'ученик №',
  decided: 'решение',
  movedLessons: 'перенесено уроков',
  subjectId: 'предмет №',
  teacherId: 'учитель №',
  hoursPerWeek: 'часов в неделю',
  lastName: 'фамилия',
  firstName: 'имя',
  middleName: 'отчество',
  birthDate: 'дата рождения',
  gender: 'пол',
  personalFileNo: 'личное дело №',
  address: 'адрес',
  parents: 'родители',
  text: 'текст',
  fixBy: 'исправить до',
  response: 'ответ учителя',
  findings: 'уроков с замечаниями',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function scalar(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (typeof v === 'string') return statuses[v] ?? v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? (roles[x] ?? x) : words(x))).join(', ');
  return `(${words(v)})`;
}

/** «вход с компьютера 192.168.1.23» for a call's source (CallContext.client). */
function clientWords(client: unknown): string {
  if (client === 'desktop') return 'вход с этого компьютера';
  if (client === 'cli') return 'из командной строки';
  if (typeof client === 'string') {
    const [scheme, address] = client.split(' ');
    if ((scheme === 'http' || scheme === 'https') && address) return `вход с компьютера ${address}`;
  }
  return `откуда: ${scalar(client)}`;
}

/** «5 (Ответ на уроке)», «5/4 (…)» for a mark's stored shape. */
function markWords(v: Record<string, unknown>, names: AuditNames): string {
  const value = [v.value1, v.value2].filter((x) => typeof x === 'string' && x !== '').join('/');
  const id = typeof v.workKindId === 'number' ? v.workKindId : null;
  const kind = id === null ? null : (names.workKind?.(id) ?? `вид работы №${id}`);
  return kind ? `${value} (${kind})` : value;
}

function field(key: string, v: unknown, names: AuditNames): string | null {
  if (v === undefined) return null;
  switch (key) {
    case 'value':
      return scalar(v);
    case 'client':
      return clientWords(v);
    case 'computer':
      return `компьютер: ${scalar(v)}`;
    case 'cli':
      return `командная строка: ${scalar(v)}`;
    case 'status':
      return typeof v === 'string' ? (statuses[v] ?? v) : scalar(v);
    case 'cause':
      return `причина: ${typeof v === 'string' ? (causes[v] ?? v) : scalar(v)}`;
    case 'givenById':
    case 'checkedBy':
      return typeof v === 'number'
        ? `${key === 'givenById' ? 'учитель' : 'подтвердил'}: ${names.user?.(v) ?? `№${v}`}`
        : null;
    case 'workKindId':
      return typeof v === 'number' ? `вид работы: ${names.workKind?.(v) ?? `№${v}`}` : null;
    case 'gender':
      return `пол: ${v === 'm' ? 'мужской' : v === 'f' ? 'женский' : '—'}`;
    case 'parents':
      return `родители: ${Array.isArray(v) && v.length ? v.map(scalar).join('; ') : '—'}`;
    case 'roles':
    case 'role':
      return `${fieldLabels[key]}: ${Array.isArray(v) ? scalar(v) : typeof v === 'string' ? (roles[v] ?? v) : scalar(v)}`;
  }
  const label = fieldLabels[key] ?? key;
  return label.endsWith('№') ? `${label}${scalar(v)}` : `${label}: ${scalar(v)}`;
}

/** Any value the core stores, in words. */
export function words(v: unknown, names: AuditNames = {}): string {
  if (!isObject(v)) return scalar(v);
  const { computer, ...rest } = v;
  const parts: string[] = [];
  if ('value1' in rest) {
    const { value1: _1, value2: _2, workKindId: _k, ...others } = rest;
    parts.push(markWords(rest, names), ...wordsOf(others, names));
  } else parts.push(...wordsOf(rest, names));
  if (computer !== undefined) parts.push(field('computer', computer, names)!);
  return parts.join(', ');
}

function wordsOf(v: Record<string, unknown>, names: AuditNames): string[] {
  return Object.entries(v)
    .map(([k, x]) => field(k, x, names))
    .filter((x): x is string => x !== null);
}

/** A stored JSON value (the column's text) in words; null stays nothing. */
export function storedWords(json: string | null, names: AuditNames = {}): string | null {
  if (json === null) return null;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return json;
  }
  return v === null ? null : words(v, names);
}
