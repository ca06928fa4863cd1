/**
 * What the audit log viewer filters by: kinds of entries, each a set of action prefixes ('mark.' covers
 * 'mark.set' and 'mark.clear'), so an action added later falls into its kind without touching this list.
 */
export const auditKinds = {
  marks: { label: 'Отметки', prefixes: ['mark.'] },
  absences: { label: 'Пропуски и посещаемость', prefixes: ['absence.', 'attendance.'] },
  period_marks: { label: 'Четвертные и итоговые отметки', prefixes: ['period_mark.'] },
  lessons: { label: 'Уроки и планирование', prefixes: ['lesson.', 'plan.', 'substitution.', 'timetable.'] },
  inspection: { label: 'Замечания и проверки журналов', prefixes: ['remark.', 'check.'] },
  locks: { label: 'Закрытие периодов', prefixes: ['period.'] },
  students: { label: 'Данные учеников', prefixes: ['student.'] },
  movement: { label: 'Движение учеников', prefixes: ['movement.'] },
  users: { label: 'Пользователи и роли', prefixes: ['users.', 'settings.'] },
  logins: { label: 'Входы и сеансы', prefixes: ['auth.'] },
  backups: { label: 'Резервные копии', prefixes: ['backup.'] },
  printing: { label: 'Печать и выгрузка отчётов', prefixes: ['print.', 'report.'] },
  imports: { label: 'Загрузка списков', prefixes: ['import.'] },
  refused: { label: 'Отказы в доступе', prefixes: ['access.'] },
  school: { label: 'Школа', prefixes: ['school.', 'calendar.', 'structure.', 'year.', 'retention.'] },
} as const;
export type AuditKind = keyof typeof auditKinds;
export const auditKindNames = Object.keys(auditKinds) as [AuditKind, ...AuditKind[]];

/** The Russian name of each action the core writes; an unknown one is shown as it is stored. */
export const auditActionLabels: Record<string, string> = {
  'mark.set': 'Отметка поставлена',
  'mark.clear': 'Отметка удалена',
  'mark.conflict': 'Отметка не сохранена: её уже изменил другой',
  'absence.set': 'Пропуск отмечен',
  'absence.clear': 'Пропуск снят',
  'absence.conflict': 'Пропуск не сохранён: его уже изменил другой',
  'attendance.confirm': 'Посещаемость за неделю подтверждена',
  'period_mark.set': 'Итоговая отметка поставлена',
  'period_mark.clear': 'Итоговая отметка удалена',
  'period_mark.conflict': 'Итоговая отметка не сохранена: её уже изменил другой',
  'lesson.update': 'Урок изменён',
  'lesson.conflict': 'Урок не изменён: его уже изменил другой',
  'lesson.add': 'Урок добавлен',
  'lesson.move': 'Урок перенесён',
  'plan.save': 'КТП сохранено',
  'plan.assign': 'Темы КТП расставлены',
  'period.lock': 'Период закрыт',
  'period.unlock': 'Период открыт',
  'student.view_personal': 'Просмотр персональных данных',
  'student.update': 'Анкетные данные ученика изменены',
  'remark.write': 'Замечание по ведению журнала',
  'remark.done': 'Замечание отмечено исправленным',
  'remark.confirm': 'Исправление замечания подтверждено',
  'remark.reopen': 'Замечание возвращено: не исправлено',
  'check.save': 'Проверка журналов сохранена',
  'movement.enrolled': 'Зачисление по приказу',
  'movement.arrived': 'Прибытие по приказу',
  'movement.transferred': 'Перевод в другой класс',
  'movement.left': 'Выбытие по приказу',
  'movement.subgroup': 'Перевод в другую подгруппу',
  'movement.correct': 'Приказ о движении исправлен',
  'movement.cancel': 'Приказ о движении отменён',
  'users.create': 'Пользователь создан',
  'users.reset': 'Пароль сброшен',
  'users.disable': 'Пользователь отключён',
  'users.enable': 'Пользователь включён',
  'users.rename': 'ФИО пользователя изменены',
  'users.roles': 'Роли пользователя изменены',
  'users.unlock': 'Вход разблокирован',
  'settings.security': 'Настройки безопасности изменены',
  'auth.login': 'Вход',
  'auth.login_failed': 'Неудачный вход',
  'auth.logout': 'Выход',
  'auth.password_changed': 'Пароль сменён',
  'auth.session_locked': 'Сеанс заблокирован',
  'auth.session_unlocked': 'Сеанс разблокирован',
  'auth.unlock_failed': 'Неверный пароль на экране блокировки',
  'auth.change_failed': 'Неверный текущий пароль при смене пароля',
  'auth.confirm_failed': 'Неверный пароль при подтверждении действия',
  'auth.guessing': 'Подбор пароля',
  'backup.run': 'Резервная копия',
  'backup.restore': 'Восстановление из копии',
  'print.book': 'Печать журнала',
  'print.school': 'Печать журналов школы',
  'school.create': 'Школа создана',
  'school.demo': 'Демонстрационная школа',
  'print.send': 'Отправлено на принтер',
  'print.download': 'Напечатанный файл скачан',
  'report.export': 'Отчёт выгружен в файл',
  'access.refused': 'Отказано в доступе',
  'import.students': 'Загрузка учеников',
  'import.teachers': 'Загрузка учителей',
  'backup.destination_add': 'Место для резервных копий добавлено',
  'backup.destination_remove': 'Место для резервных копий убрано',
  'backup.schedule': 'Расписание резервных копий изменено',
  'backup.retention': 'Срок хранения резервных копий изменён',
  'backup.key_create': 'Ключ шифрования копий создан',
  'backup.encryption_off': 'Шифрование копий выключено',
  'calendar.save': 'Календарь учебного года сохранён',
  'retention.done': 'Документы за год: сроки хранения отмечены',
  'school.profile': 'Сведения о школе изменены',
  'settings.school_network': 'Работа по сети школы изменена',
  'structure.subject.create': 'Предмет добавлен',
  'structure.subject.update': 'Предмет изменён',
  'structure.subject.delete': 'Предмет удалён',
  'structure.curriculum.save': 'Учебный план сохранён',
  'structure.curriculum.delete': 'Учебный план удалён',
  'structure.class.create': 'Класс добавлен',
  'structure.class.update': 'Класс изменён',
  'structure.class.delete': 'Класс удалён',
  'structure.subgroup.create': 'Подгруппа добавлена',
  'structure.subgroup.update': 'Подгруппа изменена',
  'structure.subgroup.delete': 'Подгруппа удалена',
  'structure.subgroup.members': 'Состав подгруппы изменён',
  'structure.assignment.create': 'Нагрузка учителя добавлена',
  'structure.assignment.update': 'Нагрузка учителя изменена',
  'structure.assignment.delete': 'Нагрузка учителя удалена',
  'structure.workKind.create': 'Вид работы добавлен',
  'structure.workKind.update': 'Вид работы изменён',
  'structure.workKind.delete': 'Вид работы удалён',
  'structure.rules': 'Правила школы изменены',
  'users.role.grant': 'Роль назначена',
  'substitution.record': 'Замена урока записана',
  'substitution.cancel': 'Замена урока отменена',
  'timetable.save': 'Расписание сохранено',
  'timetable.generate': 'Уроки созданы по расписанию',
  'timetable.bells': 'Расписание звонков сохранено',
  'year.prepare': 'Новый учебный год подготовлен',
  'year.outcome': 'Итог года ученика',
  'year.close': 'Учебный год закрыт',
};

export const auditActionLabel = (action: string) => auditActionLabels[action] ?? action;

/** The reasons the core writes as codes (failed logins); a correction's reason is the teacher's own text. */
const reasonLabels: Record<string, string> = {
  wrong_password: 'неверный пароль',
  locked: 'вход был заблокирован',
  locked_now: 'вход заблокирован для этого места',
  account_locked_now: 'учётная запись заблокирована везде',
};
export const auditReasonLabel = (reason: string | null) => (reason === null ? null : (reasonLabels[reason] ?? reason));

/** A stored JSON value as a person reads it: a bare string without quotes, null as nothing. */
export function shownValue(json: string | null): string | null {
  if (json === null) return null;
  try {
    const v: unknown = JSON.parse(json);
    if (v === null) return null;
    return typeof v === 'string' ? v : JSON.stringify(v);
  } catch {
    return json;
  }
}
