import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { pending } from './pending';

export const dayHandlers = (_s: Services): Handlers['day'] => ({ mine: pending });
