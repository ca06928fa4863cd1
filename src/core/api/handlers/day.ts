import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { must } from './actor';

export const dayHandlers = (s: Services): Handlers['day'] => ({ mine: (input, actor) => s.day.mine(must(actor), input.date) });
