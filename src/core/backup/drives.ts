import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { removableDrives, type DetectedDrive } from './mounts';

export interface DriveListerDeps {
  platform: NodeJS.Platform;
  /** The Linux mount table's text (/proc/self/mounts). */
  readMounts(): Promise<string>;
  /** Runs a PowerShell command on Windows and returns its stdout. */
  powershell(command: string): Promise<string>;
}

// DriveType 2 is «removable» (USB sticks, card readers); an external USB disk reports 3 and is added as a folder.
const windowsQuery =
  'Get-CimInstance Win32_LogicalDisk -Filter "DriveType=2" | Select-Object DeviceID,VolumeName | ConvertTo-Json -Compress';

/** Removable drives in PowerShell's JSON (one object, or an array when there are several). */
export function parseWindowsDrives(json: string): DetectedDrive[] {
  if (!json.trim()) return [];
  const parsed = JSON.parse(json) as
    { DeviceID: string; VolumeName: string | null } | { DeviceID: string; VolumeName: string | null }[];
  return (Array.isArray(parsed) ? parsed : [parsed]).map((d) => ({
    path: `${d.DeviceID}\\`,
    label: d.VolumeName ? `${d.VolumeName} (${d.DeviceID})` : d.DeviceID,
  }));
}

/** The removable drives plugged in now; an error reading them means «none seen», never a failure of the screen. */
export function createDriveLister(deps: DriveListerDeps): () => Promise<DetectedDrive[]> {
  return async () => {
    try {
      if (deps.platform === 'win32') return parseWindowsDrives(await deps.powershell(windowsQuery));
      if (deps.platform === 'linux') return removableDrives(await deps.readMounts());
      return [];
    } catch {
      return [];
    }
  };
}

export const systemDriveLister = createDriveLister({
  platform: process.platform,
  readMounts: () => fs.promises.readFile('/proc/self/mounts', 'utf8'),
  powershell: (command) =>
    new Promise((resolve, reject) =>
      execFile(
        'powershell.exe',
        ['-NoProfile', '-NonInteractive', '-Command', command],
        { timeout: 10_000, windowsHide: true },
        (err, stdout) => (err ? reject(err) : resolve(stdout)),
      ),
    ),
});
