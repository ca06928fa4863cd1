import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const timetableHandlers = (s: Services): Handlers['timetable'] => ({
  ofClass: (input) => s.timetable.ofClass(input.classId, input.date),
  save: (input, actor) => s.timetable.save(actor, input),
  generate: (input, actor) => s.timetable.generate(actor, input.from),
  bells: () => s.timetable.bells(),
  saveBells: (input, actor) => {
    s.timetable.saveBells(actor, input.shift, input.times);
    return null;
  },
});
