import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { pending } from './pending';

export const periodsHandlers = (_s: Services): Handlers['periods'] => ({ locks: pending, lock: pending, unlock: pending });
