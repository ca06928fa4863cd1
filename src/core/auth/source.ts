import { isLoopback } from '../../shared/loopback';

/**
 * Whether a call's source (CallContext.client) is the school's own computer: its desktop window, the command
 * line, or a browser on that computer (loopback). Guessing from other computers never locks these out.
 */
export function isLocalSource(client: string): boolean {
  if (client === 'desktop' || client === 'cli') return true;
  const [scheme, address] = client.split(' ');
  return (scheme === 'http' || scheme === 'https') && address !== undefined && isLoopback(address);
}
