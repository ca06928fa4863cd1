import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { pending } from './pending';

export const lessonsHandlers = (_s: Services): Handlers['lessons'] => ({ update: pending, add: pending, move: pending, teachers: pending });
