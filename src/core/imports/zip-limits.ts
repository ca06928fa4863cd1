import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../shared/errors';

/** What an uploaded workbook may unpack to: far above a school's lists and plans, far below a zip bomb. */
export const xlsxLimits = { maxEntries: 1000, maxUnpackedBytes: 64 * 1024 * 1024 };

export const notXlsx =
  'Файл не читается как книга Excel (.xlsx). Сохраните его в Excel как «Книга Excel» и попробуйте снова.';
const mb = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} МБ`;

/**
 * Refuses an .xlsx (a zip) that would unpack to more than the limits, before exceljs unpacks anything: the
 * entry count and the sizes are read from the zip's central directory, and each entry is then inflated here
 * with its declared size as the most it may produce, so a directory that lies about sizes is refused too.
 */
export function checkZipLimits(bytes: Uint8Array, limits = xlsxLimits): void {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes, then a comment of at most 65,535.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AppError('validation', notXlsx);
  const entries = data.readUInt16LE(eocd + 10);
  const directoryOffset = data.readUInt32LE(eocd + 16);
  // ZIP64 (more than 65,535 entries or 4 GB): never a school's workbook.
  if (entries === 0xffff || directoryOffset === 0xffffffff) throw new AppError('validation', notXlsx);
  if (entries > limits.maxEntries)
    throw new AppError(
      'validation',
      `В файле Excel ${entries} частей, допустимо не больше ${limits.maxEntries}: это не список и не план.`,
    );
  let total = 0;
  let at = directoryOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) throw new AppError('validation', notXlsx);
    const method = data.readUInt16LE(at + 10);
    const packed = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const local = data.readUInt32LE(at + 42);
    total += size;
    if (total > limits.maxUnpackedBytes) {
      throw new AppError(
        'validation',
        `Файл Excel распаковывается больше чем в ${mb(limits.maxUnpackedBytes)}: это не список и не план. Проверьте, тот ли это файл.`,
      );
    }
    if (local + 30 > data.length || data.readUInt32LE(local) !== 0x04034b50) throw new AppError('validation', notXlsx);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const content = data.subarray(start, start + packed);
    if (method === 8) {
      try {
        // One byte more than declared is enough to catch a lie; a larger output throws at once.
        if (inflateRawSync(content, { maxOutputLength: size + 1 }).length !== size) throw new Error('size');
      } catch {
        throw new AppError('validation', notXlsx);
      }
    } else if (method !== 0 || packed !== size) throw new AppError('validation', notXlsx);
    at += 46 + data.readUInt16LE(at + 28) + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
}
