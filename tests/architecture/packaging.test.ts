// What electron-builder is told: the packaged app can only be run as the app, from its own checked archive,
// and the Windows installer offers an install for all users. (Building installers needs the internet and the
// Electron binary, so the README lists what was checked by hand on a built installer.)
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const config = fs.readFileSync('electron-builder.yml', 'utf8');
/** The `key: value` lines of one top-level section, comments left out. */
function section(name: string): Record<string, string> {
  const lines = config.split('\n');
  const start = lines.indexOf(`${name}:`);
  expect(start, `section ${name}`).toBeGreaterThanOrEqual(0);
  const entries: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const match = /^ {2}(\w+): (.+)$/.exec(line);
    if (match) entries[match[1]!] = match[2]!.trim();
  }
  return entries;
}

describe('packaging', () => {
  it('turns the fuses against running as Node, inspecting, loading outside the asar and an edited asar', () => {
    expect(section('electronFuses')).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      onlyLoadAppFromAsar: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('offers the Windows install for all users, chosen by default, and never deletes the school’s data', () => {
    expect(section('nsis')).toMatchObject({
      oneClick: 'false',
      perMachine: 'false',
      selectPerMachineByDefault: 'true',
      deleteAppDataOnUninstall: 'false',
    });
  });
});
