import fs from 'node:fs';
import path from 'node:path';
import type { CallContext } from '../../core/api/dispatch';
import type { DesktopFiles } from '../../core/print/service';
import { AppError, type Result } from '../../shared/errors';
import type { RemoteTransport } from './transport';

/**
 * «Открыть» and «Напечатать» of a book made on the server, on a client: the PDF is fetched from the server
 * (print:download, audited there) into this computer's print folder, then opened or printed here, as a book
 * printed locally is. Opening it on the server would show it on the wrong screen.
 */
export async function openServerFile(
  transport: RemoteTransport,
  input: unknown,
  call: CallContext,
  local: { files: DesktopFiles; dir(): string },
): Promise<Result<unknown>> {
  const { file, action } = (input ?? {}) as { file?: unknown; action?: unknown };
  const got = await transport.dispatch('print:download', { file }, call);
  if (!got.ok) return got;
  const { fileName, base64 } = got.value as { fileName: string; base64: string };
  try {
    const dir = local.dir();
    fs.mkdirSync(dir, { recursive: true });
    const target = path.join(dir, path.basename(fileName));
    fs.writeFileSync(target, Buffer.from(base64, 'base64'));
    await (action === 'print' ? local.files.printFile(target) : local.files.openFile(target));
    return { ok: true, value: { ok: true } };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toShape() };
    return { ok: false, error: { kind: 'io', message: `Не удалось сохранить файл: ${(error as Error).message}` } };
  }
}
