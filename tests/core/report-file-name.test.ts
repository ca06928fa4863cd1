// A report's file name keeps the school year readable: «2025/2026» in the title becomes «2025-2026», not «20252026».
import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { schoolFixture } from '../helpers/school';

describe('report file names', () => {
  const {
    callers: { deputy },
  } = schoolFixture({ school: 'tiny', now: '2026-01-20T10:00:00', as: { deputy: 'zavuch' } });

  it('writes the year with a hyphen and drops only what a file system refuses', async () => {
    const file = await deputy.value(contract.reports.file, { report: 'outcomes', params: {}, format: 'xlsx' });
    expect(file.fileName).toBe('Итоговые данные по учащимся 2025-2026 учебный год.xlsx');
  });
});
