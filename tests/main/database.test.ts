import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/temp';
import { resetFake, state } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { openLocalCore, migrationsFolder } = await import('../../src/main/database');
const { connectInsteadOrQuit } = await import('../../src/main/owner-connect');

const desktop = { sessionToken: null, client: 'desktop', setSession: () => {} };

describe('opening the database in main', () => {
  // One folder for the file (made at collection time, so the helper can remove it after the file's tests).
  const root = tempDir();
  let n = 0;
  const folder = () => fs.mkdtempSync(path.join(root, `case-${n++}-`));
  beforeEach(() => resetFake());

  it('creates zhurnal.db in userData on the first start', async () => {
    const userData = path.join(folder(), 'Журнал');
    state().paths['userData'] = userData;
    const core = openLocalCore();
    try {
      expect(fs.existsSync(path.join(userData, 'zhurnal.db'))).toBe(true);
      expect(await core.dispatch('setup:status', {}, desktop)).toEqual({
        ok: true,
        value: { hasSchool: false, schoolName: null, isDemo: false },
      });
    } finally {
      core.close();
    }
    expect(state().errorBoxes).toEqual([]);
    expect(state().quits).toBe(0);
  });

  it('on a file that is not a database: explains in Russian, quits, and leaves the file byte for byte', async () => {
    const userData = folder();
    state().paths['userData'] = userData;
    const file = path.join(userData, 'zhurnal.db');
    const garbage = crypto.randomBytes(64 * 1024);
    fs.writeFileSync(file, garbage);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});

    let error: unknown = null;
    try {
      openLocalCore().close();
    } catch (e) {
      error = e;
    }
    // No program holds the file, so nothing to connect to: the explanation, and the app quits.
    expect(await connectInsteadOrQuit(error, file, {} as never)).toBe(false);
    log.mockRestore();

    expect(state().errorBoxes).toHaveLength(1);
    const { title, content } = state().errorBoxes[0]!;
    expect(title).toMatch(/не удалось открыть базу данных/);
    expect(content).toMatch(/не является базой данных Журнала/);
    expect(content).toContain(file);
    expect(content).toMatch(/не удалял и не заменял/);
    expect(state().quits).toBe(1);
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('finds the migrations beside app.asar when packaged and in the checkout otherwise', () => {
    state().appPath = '/home/dev/zhurnal';
    expect(migrationsFolder()).toBe(path.join('/home/dev/zhurnal', 'migrations'));
    const withResources = process as NodeJS.Process & { resourcesPath?: string };
    const saved = withResources.resourcesPath;
    withResources.resourcesPath = '/opt/Журнал/resources';
    state().isPackaged = true;
    try {
      expect(migrationsFolder()).toBe(path.join('/opt/Журнал/resources', 'migrations'));
    } finally {
      withResources.resourcesPath = saved;
    }
  });
});
