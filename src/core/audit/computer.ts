import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The computer a call came from (its address, and the name it gave), for the audit entries the call writes.
 * Scoped to the one call by the dispatcher — not a setting anyone changes — so that the sixty places a service
 * records an entry need not each be handed the transport's view of the caller.
 */
const callComputer = new AsyncLocalStorage<string | undefined>();

export const withComputer = <T>(computer: string | undefined, run: () => T): T => callComputer.run(computer, run);

export const currentComputer = (): string | undefined => callComputer.getStore();
