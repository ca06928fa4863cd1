import type { Services } from '../../services';
import type { Handlers } from '../dispatch';
import { must } from './actor';

export const importsHandlers = (s: Services): Handlers['imports'] => ({
  inspect: (input, actor) => s.imports.inspect(must(actor), input),
  preview: (input, actor) => s.imports.preview(must(actor), input),
  commit: (input, actor) => s.imports.commit(must(actor), input),
});
