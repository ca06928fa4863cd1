import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { pending } from './pending';

export const plansHandlers = (_s: Services): Handlers['plans'] => ({ get: pending, previewImport: pending, save: pending, assign: pending });
