import { describe, expect, it } from 'vitest';
import { versionRefusal } from '../../src/shared/version';

describe('the version check between a client and the server', () => {
  it('agrees only on the same release, and names the computer that is behind', () => {
    expect(versionRefusal('1.2.0', '1.2.0')).toBeNull();
    expect(versionRefusal('1.2.0', '1.10.0')).toBe(
      'На этом компьютере Журнал версии 1.2.0, на сервере 1.10.0: обновите Журнал на этом компьютере.',
    );
    expect(versionRefusal('1.10.0', '1.2.0')).toBe(
      'На этом компьютере Журнал версии 1.10.0, на сервере 1.2.0: обновите Журнал на сервере (компьютере, где хранится журнал).',
    );
  });
});
