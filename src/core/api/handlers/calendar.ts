import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const calendarHandlers = (s: Services): Handlers['calendar'] => ({
  get: (input) => s.calendar.get(input.yearId),
  save: (input, actor) => {
    s.calendar.save(actor, input.yearId, input.calendar);
    return null;
  },
});

export const profileHandlers = (s: Services): Handlers['profile'] => ({
  get: () => s.profile.get(),
  save: (input, actor) => {
    s.profile.save(actor, input);
    return null;
  },
});
