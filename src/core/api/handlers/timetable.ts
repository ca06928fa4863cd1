import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { must } from './actor';

export const timetableHandlers = (s: Services): Handlers['timetable'] => ({
  ofClass: (input) => s.timetable.ofClass(input.classId, input.date),
  save: (input, actor) => s.timetable.save(input, must(actor)),
  generate: (input, actor) => s.timetable.generate(input.from, must(actor)),
  bells: () => s.timetable.bells(),
  saveBells: (input, actor) => {
    s.timetable.saveBells(input.shift, input.times, must(actor));
    return null;
  },
});
