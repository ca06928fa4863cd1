import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const timetableHandlers = (s: Services): Handlers['timetable'] => ({
  ofClass: (input) => s.timetable.ofClass(input.classId, input.date),
  save: (input, actor) => s.timetable.save(input, actor),
  generate: (input, actor) => s.timetable.generate(input.from, actor),
  bells: () => s.timetable.bells(),
  saveBells: (input, actor) => {
    s.timetable.saveBells(input.shift, input.times, actor);
    return null;
  },
});
