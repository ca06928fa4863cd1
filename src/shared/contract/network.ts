import { z } from 'zod';
import { stepUpPassword } from './common';
import { defineChannel } from './define';

/** Where the school's other computers find this journal, and how they tell it is the real one. */
export const servedNetworkSchema = z.object({
  /** Listening beyond this computer right now (the switch takes effect at the next start of the server). */
  listening: z.boolean(),
  port: z.number().int().nullable(),
  /** https://ADDRESS:PORT/ for each address and name of this computer. */
  urls: z.array(z.string()),
  certificate: z.object({ code: z.string(), fingerprint: z.string(), pem: z.string(), validTo: z.string() }).nullable(),
  /** The computers working with the journal now: an open change stream, or a call in the last minutes. */
  clients: z.array(z.object({ address: z.string(), name: z.string().nullable(), live: z.boolean() })),
});
export type ServedNetwork = z.infer<typeof servedNetworkSchema>;

/** «Школьная сеть»: the admin's switch that lets the school's other computers open the journal in a browser. */
export const networkContract = {
  get: defineChannel({
    channel: 'network:get',
    access: 'school.manage',
    input: z.object({}),
    output: z.object({ schoolNetwork: z.boolean() }),
  }),
  info: defineChannel({
    channel: 'network:info',
    access: 'school.manage',
    input: z.object({}),
    output: servedNetworkSchema.extend({ schoolNetwork: z.boolean() }),
  }),
  set: defineChannel({
    channel: 'network:set',
    access: 'school.manage',
    stepUp: 'always',
    input: z.object({ schoolNetwork: z.boolean(), password: stepUpPassword }),
    output: z.object({ schoolNetwork: z.boolean() }),
  }),
};
