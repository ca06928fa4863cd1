// An uploaded .xlsx is a zip: one that unpacks to hundreds of megabytes is refused from its central directory
// (or from inflating it no further than the directory says) before exceljs unpacks a byte of it.
import { deflateRawSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { checkZipLimits } from '../../src/core/imports/zip-limits';
import { b64, xlsx } from '../helpers/import-files';
import { setUp } from '../helpers/import-school';

/** A zip of deflated entries; `declared` overrides an entry's uncompressed size in both headers (a lying zip). */
function zip(entries: { name: string; content: Buffer; declared?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.content, { level: 9 });
    const name = Buffer.from(e.name);
    const size = e.declared ?? e.content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.content), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(e.content), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const sheetOf = (bytes: number) =>
  Buffer.concat([
    Buffer.from('<worksheet><sheetData>'),
    Buffer.alloc(bytes, 0x20),
    Buffer.from('</sheetData></worksheet>'),
  ]);

describe('uploads limited by what they unpack to', () => {
  const { api, ready } = setUp();
  const inspect = (content: Buffer) =>
    api.send(contract.imports.inspect, { kind: 'students', fileName: 'список.xlsx', contentBase64: b64(content) });

  it('refuses a 300 MB sheet packed into a few hundred kilobytes, by its central directory', async () => {
    await ready;
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', content: sheetOf(300 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await inspect(bomb)).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/распаковывается больше чем в 64 МБ/) },
    });
  });

  it('refuses a zip whose directory lies about the size, and one of too many parts', async () => {
    await ready;
    const liar = zip([{ name: 'xl/worksheets/sheet1.xml', content: sheetOf(100 * 1024 * 1024), declared: 1000 }]);
    expect(await inspect(liar)).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/не читается как книга Excel/) },
    });
    const parts = zip(Array.from({ length: 5000 }, (_, i) => ({ name: `x/${i}.xml`, content: Buffer.from('<a/>') })));
    expect(await inspect(parts)).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/5000 частей/) },
    });
  });

  it('passes a real workbook', async () => {
    const book = await xlsx([
      ['Фамилия', 'Имя'],
      ['Иванова', 'Мария'],
    ]);
    expect(() => checkZipLimits(book)).not.toThrow();
  });
});
