import type { Services } from '../../services';
import type { Handlers } from '../dispatch';

export const importsHandlers = (s: Services): Handlers['imports'] => ({
  inspect: (input, actor) => s.imports.inspect(actor, input),
  preview: (input, actor) => s.imports.preview(actor, input),
  commit: (input, actor) => s.imports.commit(actor, input),
});
