import fs from 'node:fs';
import path from 'node:path';
import type { PairedServer } from './pairing';

/**
 * The one thing a client keeps on its disk: which server it uses and the certificate it pinned there (in the
 * user-data folder). No school data: every answer lives in memory only, for as long as it is on screen.
 */
export const savedServerFileName = 'zhurnal-server.json';

export interface SavedServer extends PairedServer {
  pairedAt: string;
}

function isSaved(value: unknown): value is SavedServer {
  const v = value as Partial<SavedServer> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.host === 'string' &&
    typeof v.port === 'number' &&
    typeof v.certPem === 'string' &&
    typeof v.fingerprint === 'string'
  );
}

export function savedServerStore(userData: string) {
  const file = path.join(userData, savedServerFileName);
  return {
    file,
    /** Null when this computer was never connected, or the file is unreadable (then it asks again). */
    read(): SavedServer | null {
      try {
        const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
        return isSaved(value) ? value : null;
      } catch {
        return null;
      }
    },
    write(server: PairedServer, now = new Date()): SavedServer {
      const saved: SavedServer = { ...server, pairedAt: now.toISOString() };
      fs.mkdirSync(userData, { recursive: true });
      fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(saved, null, 2)}\n`);
      fs.renameSync(`${file}.tmp`, file);
      return saved;
    },
    forget(): void {
      fs.rmSync(file, { force: true });
    },
  };
}
