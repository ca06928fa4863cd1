import { z } from 'zod';
import { defineChannel } from './define';

/** «Школьная сеть»: the admin's switch that lets the school's other computers open the journal in a browser. */
export const networkContract = {
  get: defineChannel({ channel: 'network:get', access: 'school.manage', input: z.object({}), output: z.object({ schoolNetwork: z.boolean() }) }),
  set: defineChannel({ channel: 'network:set', access: 'school.manage', input: z.object({ schoolNetwork: z.boolean() }), output: z.object({ schoolNetwork: z.boolean() }) }),
};
