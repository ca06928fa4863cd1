import { Alert, Button, Group, Text } from '@mantine/core';
import { describeError } from '../api/errors';
import { DownloadButton } from './DownloadButton';
import { useOpenFile } from './queries';

/**
 * A printed file: where it is, and «Открыть» / «На принтер» in the desktop app (its own viewer and printer), or
 * «Скачать» in a browser, which gets the file the server made and opens or prints it there.
 */
export function FileActions({ file, label }: { file: string; label: string }) {
  const open = useOpenFile();
  return (
    <div>
      <Group gap="xs">
        <Text size="sm" data-testid="printed-file">
          {label}: {file}
        </Text>
        {window.api ? (
          <>
            <Button
              size="xs"
              variant="default"
              loading={open.isPending && open.variables?.action === 'open'}
              onClick={() => open.mutate({ file, action: 'open' })}
            >
              Открыть
            </Button>
            <Button
              size="xs"
              variant="default"
              loading={open.isPending && open.variables?.action === 'print'}
              onClick={() => open.mutate({ file, action: 'print' })}
            >
              На принтер
            </Button>
          </>
        ) : (
          <DownloadButton file={file} />
        )}
      </Group>
      {open.error && (
        <Alert color="orange" mt="xs" data-testid="open-error">
          {describeError(open.error).message}
        </Alert>
      )}
    </div>
  );
}
