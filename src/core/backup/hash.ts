import { createHash } from 'node:crypto';
import { nodeFs, type BackupFs } from './fsops';

/** SHA-256 of a file, hex, read in chunks so a large database never sits in memory whole. */
export async function sha256File(file: string, fs: BackupFs = nodeFs): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.read(file)) hash.update(chunk);
  return hash.digest('hex');
}
