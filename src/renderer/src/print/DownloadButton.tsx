import { Alert, Button } from '@mantine/core';
import { describeError } from '../api/errors';
import { useDownload } from './queries';

/** «Скачать»: a book made on the server, saved on the computer that asked for it (how a browser gets it). */
export function DownloadButton({ file }: { file: string }) {
  const download = useDownload();
  return (
    <>
      <Button
        size="xs"
        variant="default"
        loading={download.isPending}
        onClick={() => download.mutate(file)}
        data-testid="download-file"
      >
        Скачать
      </Button>
      {download.error && (
        <Alert color="orange" mt="xs" data-testid="download-error">
          {describeError(download.error).message}
        </Alert>
      )}
    </>
  );
}
