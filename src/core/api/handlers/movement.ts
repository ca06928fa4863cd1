import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { must } from './actor';

export const movementHandlers = (s: Services): Handlers['movement'] => ({
  classes: (input) => s.movement.classes(input),
  arrive: (input, actor) => s.movement.arrive(must(actor), input),
  transfer: (input, actor) => s.movement.transfer(must(actor), input),
  changeSubgroup: (input, actor) => s.movement.changeSubgroup(must(actor), input),
  leave: (input, actor) => s.movement.leave(must(actor), input),
  register: (input) => s.movement.register(input),
  registerFile: (input) => s.movement.registerFile(input.params, input.format),
});
