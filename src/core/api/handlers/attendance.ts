import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { pending } from './pending';

export const attendanceHandlers = (_s: Services): Handlers['attendance'] => ({ classes: pending, week: pending, confirmWeek: pending, setReason: pending, schoolDay: pending });
