import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { auditPersonalView } from '../../audit/personal';
import { must } from './actor';

export const movementHandlers = (s: Services): Handlers['movement'] => ({
  classes: (input, actor) => {
    const shown = s.movement.classes(input);
    auditPersonalView(s.audit, actor, 'movement:classes', { date: shown.date, students: shown.classes.reduce((n, c) => n + c.students.length, 0) });
    return shown;
  },
  arrive: (input, actor) => s.movement.arrive(must(actor), input),
  transfer: (input, actor) => s.movement.transfer(must(actor), input),
  changeSubgroup: (input, actor) => s.movement.changeSubgroup(must(actor), input),
  leave: (input, actor) => s.movement.leave(must(actor), input),
  correct: (input, actor) => s.movement.correct(must(actor), input),
  cancel: (input, actor) => s.movement.cancel(must(actor), input),
  register: (input, actor) => {
    const shown = s.movement.register(input);
    auditPersonalView(s.audit, actor, 'movement:register', { params: input });
    return shown;
  },
  registerFile: async (input, actor) => {
    const file = await s.movement.registerFile(input.params, input.format);
    auditPersonalView(s.audit, actor, 'movement:registerFile', { params: input.params, format: input.format });
    return file;
  },
});
