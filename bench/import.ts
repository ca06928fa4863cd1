// A class list of 10,000 rows (far more than the largest school) from a Windows-1251 CSV and from an
// XLSX, through the dispatcher as the admin's screen calls it: read the columns, check every row, write it all
// in one transaction; then the same file again, which finds everybody and writes nothing.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/core/app';
import type { CallContext } from '../src/core/api/dispatch';
import type { Clock } from '../src/core/clock';
import { b64, cp1251, csv, studentRows, xlsx } from '../tests/helpers/import-files';
import type { BenchRow } from './backup';

export async function importBench(work: string, migrationsFolder: string, clock: Clock): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const classes = ['5А', '5Б', '6А', '6Б', '7А'];
  const table = studentRows(10_000, classes);
  const files = {
    'csv (cp1251)': { fileName: 'list.csv', bytes: cp1251(csv(table)) },
    xlsx: { fileName: 'list.xlsx', bytes: await xlsx(table) },
  };
  for (const [label, file] of Object.entries(files)) {
    const core = createCore({
      dbFile: path.join(work, `import-${file.fileName}.db`),
      migrationsFolder,
      clock,
      create: true,
    });
    const call: CallContext = { sessionToken: null, client: 'bench', setSession: (t) => (call.sessionToken = t) };
    await core.dispatch(
      'setup:createSchool',
      {
        schoolName: 'Школа для замера',
        admin: { login: 'admin', password: 'admin-pass-1', lastName: 'А', firstName: 'Б' },
      },
      call,
    );
    await core.dispatch('auth:login', { login: 'admin', password: 'admin-pass-1' }, call);
    const base = { kind: 'students', fileName: file.fileName, contentBase64: b64(file.bytes) };
    const timed = async (channel: string, input: unknown) => {
      const started = performance.now();
      const result = await core.dispatch(channel, input, call);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return { ms: performance.now() - started, value: result.value as Record<string, unknown> };
    };
    const inspect = await timed('imports:inspect', base);
    const request = {
      ...base,
      mapping: inspect.value.mapping,
      options: { orderNumber: '1-у', orderDate: '2025-09-01', createClasses: true },
    };
    const preview = await timed('imports:preview', request);
    const commit = await timed('imports:commit', request);
    const again = await timed('imports:commit', request);
    core.close();
    const note = `${(file.bytes.length / 2 ** 20).toFixed(1)} MiB, created ${String(commit.value.created)}, again: created ${String(again.value.created)}`;
    rows.push({ name: `import 10,000 students ${label}: read columns`, value: inspect.ms / 1000, unit: 's' });
    rows.push({ name: `import 10,000 students ${label}: preview`, value: preview.ms / 1000, unit: 's' });
    rows.push({ name: `import 10,000 students ${label}: commit`, value: commit.ms / 1000, unit: 's', note });
    rows.push({ name: `import 10,000 students ${label}: same file again`, value: again.ms / 1000, unit: 's' });
  }
  return rows;
}
