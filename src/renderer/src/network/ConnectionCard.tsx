import { Anchor, Button, Code, List, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { OutputOf } from '../../../shared/contract';
import { contract } from '../../../shared/contract';
import { saveFile } from '../reports/download';
import { certificateFileName, trustSteps } from './trust-steps';

type Info = OutputOf<typeof contract.network.info>;

/**
 * How another computer reaches this journal: the addresses, the connection code to compare when it first
 * connects, and the certificate for lab browsers with the steps to trust it.
 */
export function ConnectionCard({ info }: { info: Info }) {
  const certificate = info.certificate;
  const download = useMutation({
    mutationFn: async () =>
      saveFile({
        fileName: certificateFileName,
        mimeType: 'application/x-x509-ca-cert',
        base64: btoa(certificate?.pem ?? ''),
      }),
  });
  if (!certificate) {
    return (
      <Text size="sm" c="dimmed">
        Сервер журнала для школьной сети запускается командой zhurnal serve; его адреса и код подключения будут здесь.
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="connection">
      {info.listening ? (
        <>
          <Text size="sm">Адреса для других компьютеров школы (только https):</Text>
          <List size="sm">
            {info.urls.map((url) => (
              <List.Item key={url}>
                <Anchor href={url} target="_blank" rel="noreferrer">
                  {url}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          Сервер сейчас отвечает только этому компьютеру.
        </Text>
      )}
      <ConnectedComputers clients={info.clients} />
      <Text size="sm">Код подключения — сверьте его на другом компьютере при первом подключении:</Text>
      <Code block fz="xl" data-testid="connection-code">
        {certificate.code}
      </Code>
      <Text size="xs" c="dimmed">
        Отпечаток сертификата SHA-256: {certificate.fingerprint}. Действует до{' '}
        {new Date(certificate.validTo).toLocaleDateString('ru-RU')}.
      </Text>
      <Button variant="default" w="fit-content" onClick={() => download.mutate()} data-testid="download-certificate">
        Скачать сертификат
      </Button>
      <Title order={5}>Чтобы браузер в компьютерном классе доверял журналу</Title>
      {trustSteps.map(({ system, steps }) => (
        <div key={system}>
          <Text size="sm" fw={600}>
            {system}
          </Text>
          <List size="sm" type="ordered">
            {steps.map((step) => (
              <List.Item key={step}>{step}</List.Item>
            ))}
          </List>
        </div>
      ))}
    </Stack>
  );
}

/** Who works with the journal now: each computer by its address, and the name its desktop app gave. */
function ConnectedComputers({ clients }: { clients: Info['clients'] }) {
  if (clients.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="connected-computers">
        Сейчас к журналу не подключён ни один компьютер.
      </Text>
    );
  return (
    <div data-testid="connected-computers">
      <Text size="sm">Подключено компьютеров сейчас: {clients.length}</Text>
      <List size="sm">
        {clients.map((c) => (
          <List.Item key={c.address}>
            {c.address}
            {c.name ? ` «${c.name}»` : ''}
            {c.live ? '' : ' (на экране входа или только что отключился)'}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
