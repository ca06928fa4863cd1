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
  conflict: 'Конфликт данных',
  locked: 'Период закрыт',
  io: 'Ошибка чтения или записи',
  internal: 'Внутренняя ошибка программы — сообщите администратору',
};
