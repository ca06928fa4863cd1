// What the structure pages share: the overview query, saving through the contract with the form checked
// by the channel's own schema, a dialog for one row, and the buttons of a row.
import type { ReactNode } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, Modal, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type Channel, type InputOf, type StructureOverview } from '../../../shared/contract';
import { describeError } from '../api/errors';
import { fieldErrorsOf } from '../api/fieldErrors';
import { invoke } from '../api/invoke';
import { domainKey } from '../api/keys';
import { useChannel } from '../api/useChannel';
import { useChannelForm, type ChannelForm } from '../api/useChannelForm';
import { useStructureYear } from './year';
import { QueryGate } from '../errors/QueryGate';

export function useOverview() {
  const yearId = useStructureYear();
  return useChannel(contract.structure.overview, yearId ? { yearId } : {});
}

/** Any change to the structure refreshes every page of it, and the timetable that names it. */
export function useStructureCall<C extends Channel>(channel: C, onDone?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<C>) => invoke(channel, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: domainKey('structure') });
      void client.invalidateQueries({ queryKey: domainKey('timetable') });
      onDone?.();
    },
  });
}

/** Waits for the overview, then renders the page with it. */
export function WithOverview({ children }: { children: (o: StructureOverview) => ReactNode }) {
  return (
    <QueryGate query={useOverview()}>
      {(o) => (
        <>
          {o.year.readOnly && (
            <Alert color="gray" variant="light" mb="md" data-testid="year-read-only">
              {o.year.name} учебный год закрыт: его структура показана только для просмотра.
            </Alert>
          )}
          {children(o)}
        </>
      )}
    </QueryGate>
  );
}

export function PageHeader({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end">
      <Stack gap={2}>
        <Title order={3}>{title}</Title>
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
      </Stack>
      {action}
    </Group>
  );
}

export function CallError({ error }: { error: unknown }) {
  if (!error) return null;
  const shown = describeError(error);
  return (
    <Alert color="red" variant="light" title={shown.title} role="alert" data-testid="structure-error">
      {shown.message}
    </Alert>
  );
}

/** The form of an edit dialog: its values are the channel's input itself. */
export type RowForm<C extends Channel> = ChannelForm<C, InputOf<C> & object>;

/** A dialog editing one row (`value`, null: closed): the form is checked against the channel's schema before it is sent. */
export function EditDialog<C extends Channel>(props: {
  channel: C;
  title: string;
  value: (InputOf<C> & object) | null;
  onClose: () => void;
  children: (form: RowForm<C>) => ReactNode;
}) {
  const { value, ...rest } = props;
  return (
    <Modal opened={value !== null} onClose={props.onClose} title={props.title} centered>
      {value !== null && <EditForm {...rest} initialValues={value} />}
    </Modal>
  );
}

function EditForm<C extends Channel>({
  channel,
  initialValues,
  onClose,
  children,
}: {
  channel: C;
  initialValues: InputOf<C> & object;
  onClose: () => void;
  children: (form: RowForm<C>) => ReactNode;
}) {
  const form = useChannelForm(channel, { initialValues, toInput: (v) => v });
  const save = useStructureCall(channel, onClose);
  const submit = form.onSubmit((input) => save.mutate(input, { onError: (e) => form.setErrors(fieldErrorsOf(e)) }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {children(form)}
        {save.error && Object.keys(fieldErrorsOf(save.error)).length === 0 ? <CallError error={save.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="edit-save">
            Сохранить
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function InUse({ inUse }: { inUse: boolean }) {
  return inUse ? (
    <Tooltip label="Уже есть в журналах: удалить нельзя, можно изменить">
      <Badge variant="light" color="gray" size="sm" tt="none" miw="max-content">
        в журналах
      </Badge>
    </Tooltip>
  ) : null;
}

/** «Изменить» and «Удалить» of a row; deleting what is in use is refused by the core with the reason. */
export function RowActions({
  canEdit,
  onEdit,
  onDelete,
  label,
  extra,
}: {
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
  label: string;
  extra?: ReactNode;
}) {
  if (!canEdit) return null;
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {extra}
      <Button size="xs" variant="default" onClick={onEdit} aria-label={`Изменить: ${label}`}>
        Изменить
      </Button>
      <ActionIcon
        variant="subtle"
        color="red"
        onClick={() => {
          if (window.confirm(`Удалить «${label}»?`)) onDelete();
        }}
        aria-label={`Удалить: ${label}`}
      >
        ✕
      </ActionIcon>
    </Group>
  );
}

export const byId = <T extends { id: number }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));
