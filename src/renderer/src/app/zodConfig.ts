import { z } from 'zod';

// The renderer's CSP forbids eval: without this, zod probes `new Function` on the first parse and the browser
// logs a CSP violation (the probe's failure is caught, but the console noise would hide real problems).
z.config({ jitless: true });
