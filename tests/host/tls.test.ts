// The server's own certificate and the connection code over real TLS: a client that pins the certificate by
// the code gets in; one shown a different certificate refuses it; a client of another release is refused.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type StartedHost } from '../../src/host/start';
import { loadOrCreateCertificate, type ServerCertificate } from '../../src/host/tls/certificate';
import { connectionCode, derOf, matchesConnectionCode } from '../../src/host/tls/code';
import { appVersion, versionHeader } from '../../src/shared/version';
import { contract } from '../../src/shared/contract';
import { directCaller, testCore } from '../helpers/core';
import { loginByCode, pinnedCall, presentedCertificate } from '../helpers/pinned-client';
import { tempDir } from '../helpers/temp';

const core = testCore();
const password = 'Tsq9-lantern-orbit-4471';
const dirA = path.join(tempDir(), 'zhurnal-tls');
let certA: ServerCertificate;
let certB: ServerCertificate;
let hostA: StartedHost;
let hostB: StartedHost;
const https = (host: StartedHost) => `https://127.0.0.1:${host.port}/`;

beforeAll(async () => {
  await directCaller(core).value(contract.setup.createSchool, {
    schoolName: 'Школа № 5',
    admin: { login: 'admin', password, lastName: 'Орлов', firstName: 'Пётр' },
  });
  certA = await loadOrCreateCertificate(dirA);
  certB = await loadOrCreateCertificate(tempDir());
  // Both answer the network; B is an impostor with a key of its own in front of the same journal.
  hostA = await startHost({ dispatch: core.dispatch, port: 0, host: '0.0.0.0', tls: certA, schoolNetwork: () => true });
  hostB = await startHost({ dispatch: core.dispatch, port: 0, host: '0.0.0.0', tls: certB, schoolNetwork: () => true });
});
afterAll(async () => {
  await hostA?.close();
  await hostB?.close();
});

describe('the server’s certificate', () => {
  it('is made once beside the database, its key readable by the owner only, and kept across starts', async () => {
    expect(fs.statSync(path.join(dirA, 'key.pem')).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(dirA, 'cert.pem'), 'utf8')).toBe(certA.certPem);
    const again = await loadOrCreateCertificate(dirA);
    expect(again.code).toBe(certA.code);
    expect(again.keyPem).toBe(certA.keyPem);
    expect(new Date(certA.validTo).getFullYear()).toBeGreaterThanOrEqual(new Date().getFullYear() + 10);
  });

  it('gives a connection code of 4×4 digits that only its own certificate matches', () => {
    expect(certA.code).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(connectionCode(derOf(certA.certPem))).toBe(certA.code);
    expect(certB.code).not.toBe(certA.code);
    const der = derOf(certA.certPem);
    expect(matchesConnectionCode(der, certA.code)).toBe(true);
    expect(matchesConnectionCode(der, certA.code.replace(/ /g, '-'))).toBe(true);
    expect(matchesConnectionCode(derOf(certB.certPem), certA.code)).toBe(false);
    expect(matchesConnectionCode(der, certA.code.slice(0, -1))).toBe(false);
  });
});

describe('a client on the school network', () => {
  it('pins the certificate by the code, logs in over HTTPS and gets a Secure session cookie', async () => {
    const result = await loginByCode(https(hostA), certA.code, 'admin', password);
    if ('refused' in result) throw new Error(result.refused);
    expect(result.login.status).toBe(200);
    expect(result.login.cookie).toMatch(/HttpOnly/);
    expect(result.login.cookie).toMatch(/; Secure/);
    expect(JSON.parse(result.me.body)).toMatchObject({ ok: true, value: { login: 'admin' } });
  });

  it('refuses a server that presents another certificate, by the code and by the pin', async () => {
    expect(await loginByCode(https(hostB), certA.code, 'admin', password)).toEqual({
      refused: 'Код подключения не совпадает с сертификатом сервера',
    });
    // Pinned to A, a connection to B fails in the TLS handshake: no request, no password sent.
    const pinnedA = await presentedCertificate(https(hostA));
    await expect(pinnedCall(https(hostB), pinnedA, 'auth:login', { login: 'admin', password })).rejects.toThrow(
      /self[- ]signed|другой сертификат/i,
    );
  });

  it('is refused, with the versions and which computer to update, when it is of another release', async () => {
    const pinned = await presentedCertificate(https(hostA));
    const older = await pinnedCall(https(hostA), pinned, 'setup:status', {}, { [versionHeader]: '0.0.1' });
    expect(older.status).toBe(409);
    expect(JSON.parse(older.body)).toEqual({
      ok: false,
      error: {
        kind: 'conflict',
        message: `На этом компьютере Журнал версии 0.0.1, на сервере ${appVersion}: обновите Журнал на этом компьютере.`,
      },
    });
    const newer = await pinnedCall(
      https(hostA),
      pinned,
      'auth:login',
      { login: 'admin', password },
      { [versionHeader]: '99.0.0' },
    );
    expect(newer.status).toBe(409);
    expect(newer.cookie).toBeNull();
    expect(JSON.parse(newer.body).error.message).toMatch(/на сервере .*: обновите Журнал на сервере/);
    const same = await pinnedCall(https(hostA), pinned, 'setup:status', {});
    expect(same.status).toBe(200);
  });

  it('still reaches this computer in plain HTTP on the same port (the desktop window, local tools)', async () => {
    expect(hostA.url).toBe(`http://127.0.0.1:${hostA.port}/`);
    const res = await fetch(new URL('api/setup:status', hostA.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.headers.get(versionHeader)).toBe(appVersion);
    expect(await res.json()).toMatchObject({ ok: true, value: { hasSchool: true } });
  });
});
