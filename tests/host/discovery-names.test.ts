import { describe, expect, it } from 'vitest';
import { instanceName } from '../../src/host/discovery/service';
import { resolveTyped } from '../../src/host/discovery/typed';

describe('a typed address', () => {
  it.each([
    ['192.168.1.10', '192.168.1.10', 8080],
    [' 192.168.1.10:8443 ', '192.168.1.10', 8443],
    ['https://uchitelskaya.local:9000/', 'uchitelskaya.local', 9000],
    ['http://uchitelskaya', 'uchitelskaya', 8080],
    ['учительская', 'учительская', 8080],
    ['[fe80::1]:8444', 'fe80::1', 8444],
    ['fd00::2', 'fd00::2', 8080],
  ])('%s → %s:%d, called over HTTPS', (typed, host, port) => {
    const found = resolveTyped(typed);
    expect(found).toEqual({ host, port, url: `https://${host.includes(':') ? `[${host}]` : host}:${port}/` });
  });

  it('takes another default port', () => {
    expect(resolveTyped('server', 8443)?.port).toBe(8443);
  });

  it.each(['', 'a b', 'host:0', 'host:70000', 'host:port', '[host]:8080', 'host/path', '-lead', 'user@host'])(
    'refuses %j',
    (typed) => expect(resolveTyped(typed)).toBeNull(),
  );
});

describe("a school's name on the network", () => {
  it('is one DNS label of at most 63 bytes, ending in the certificate’s first bytes', () => {
    const name = instanceName('МБОУ «Средняя общеобразовательная школа № 9 г. Тихвина»', 'ab:cd:ef:01:23:45');
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
    expect(name).not.toContain('.');
    expect(name).toMatch(/^МБОУ «Средняя .* · ABCDEF01$/);
  });

  it('is the school’s name alone without a certificate', () => {
    expect(instanceName('Школа № 9')).toBe('Школа № 9');
  });
});
