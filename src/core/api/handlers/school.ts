import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const schoolHandlers = (s: Services): Handlers['school'] => ({
  years: () => s.school.years(),
  periods: (input) => s.school.periods(input.yearId, input.grade),
});
