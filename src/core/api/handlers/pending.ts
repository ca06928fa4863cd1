import { AppError } from '../../../shared/errors';

/** A channel whose service is being written; removed once every channel has its service. */
export const pending = (): never => {
  throw new AppError('not_found', 'Эта функция ещё не готова');
};
