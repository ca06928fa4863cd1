/** The kinds of failure every transport carries; the renderer maps each to a Russian title. */
export const errorKinds = [
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'locked',
  'io',
  'internal',
] as const;
export type ErrorKind = (typeof errorKinds)[number];

export interface AppErrorShape {
  kind: ErrorKind;
  message: string;
  details?: unknown;
}

/** Thrown by services with a Russian message meant for the person at the keyboard. */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { kind: this.kind, message: this.message }
      : { kind: this.kind, message: this.message, details: this.details };
  }

  static from(shape: AppErrorShape): AppError {
    return new AppError(shape.kind, shape.message, shape.details);
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const errorTitles: Record<ErrorKind, string> = {
  validation: 'Проверьте введённые данные',
  unauthorized: 'Нужно войти в систему',
  forbidden: 'Недостаточно прав',
  not_found: 'Не найдено',
  conflict: 'Действие не выполнено',
  locked: 'Период закрыт',
  io: 'Ошибка чтения или записи',
  internal: 'Внутренняя ошибка программы — сообщите администратору',
};

/** What a person can do next after each kind of failure; null where the message alone says it. */
export const errorNextSteps: Record<ErrorKind, string | null> = {
  validation: null,
  unauthorized: 'Войдите снова.',
  forbidden: 'Если это нужно для работы, попросите администратора дать вам эту роль.',
  not_found: 'Обновите экран: запись могли удалить или перенести.',
  conflict: 'Обновите экран и попробуйте ещё раз.',
  locked: 'Чтобы исправить, попросите завуча открыть период.',
  io: 'Проверьте, что диск или папка доступны и не заняты другой программой, и повторите.',
  internal: null,
};

/**
 * Why a service refused (details.refusal of a 'conflict'): one kind of error covers an entry that already
 * exists, a job still running and a file that only this computer can open, and each wants its own title.
 */
export const refusals = {
  desktop_only: {
    title: 'Только в приложении на этом компьютере',
    next: 'Откройте или напечатайте файл в приложении Журнал на компьютере, где он сохранён, или скачайте его.',
  },
  exists: { title: 'Такое уже есть', next: 'Найдите его в списке и измените или выберите другое название.' },
  in_use: { title: 'Уже используется', next: 'Сначала уберите то, что на это ссылается, или только переименуйте.' },
  already: { title: 'Уже сделано', next: 'Обновите экран: это уже сделано, возможно, другим пользователем.' },
  busy: { title: 'Занято другой работой', next: 'Дождитесь её окончания и повторите.' },
  cancelled: { title: 'Работа остановлена', next: 'Запустите её снова, когда будете готовы.' },
  own_account: { title: 'Нельзя со своей учётной записью', next: 'Это может сделать другой администратор.' },
  changed: { title: 'Данные изменились во время работы', next: 'Повторите действие.' },
  not_configured: {
    title: 'Не хватает настроек школы',
    next: 'Администратор задаёт их на экране «Структура школы».',
  },
  clashes: { title: 'Накладки в расписании', next: 'Уберите накладки или сохраните с ними, если так и задумано.' },
} as const;
export type Refusal = keyof typeof refusals;

/** The refusal an error's details name, if any; a timetable's clashes are one by their shape. */
export function refusalOf(details: unknown): Refusal | null {
  if (typeof details !== 'object' || details === null) return null;
  const code = (details as { refusal?: unknown }).refusal;
  if (typeof code === 'string' && Object.hasOwn(refusals, code)) return code as Refusal;
  return Array.isArray((details as { clashes?: unknown }).clashes) ? 'clashes' : null;
}
