import { AppError } from './errors';

/** What every transport answers when the computer that keeps the journal cannot be reached. */
export const noConnection = 'Нет связи с компьютером, на котором хранится журнал. Проверьте сеть и повторите.';

/** The call never reached the journal: nothing was saved, and it may be sent again once the server is back. */
export const isUnreachable = (error: unknown): boolean =>
  error instanceof AppError && error.kind === 'io' && error.message === noConnection;
