import { contract, type OutputOf, type ReportFormat, type ReportName } from '../../../shared/contract';
import { invokeChannel } from '../api/invoke';

/** Hands a file the core made to the browser as a download (Electron saves it the same way). */
export function saveFile(file: { fileName: string; mimeType: string; base64: string }): string {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return file.fileName;
}

/** Asks the core for a report's file and downloads it. */
export async function downloadReport(
  report: ReportName,
  params: Record<string, unknown>,
  format: ReportFormat,
): Promise<string> {
  // The screen's parameters are as untyped as the report channel's call (queries.ts); the dispatcher checks them.
  const file = (await invokeChannel(contract.reports.file.channel, { report, params, format })) as OutputOf<
    typeof contract.reports.file
  >;
  return saveFile(file);
}
