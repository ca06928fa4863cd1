import { useForm, type UseFormReturnType } from '@mantine/form';
import type { Channel, InputOf } from '../../../shared/contract';
import { checkAgainst, type FieldErrors } from './fieldErrors';

export type ChannelForm<C extends Channel, V> = UseFormReturnType<V, (values: V) => InputOf<C>>;

/**
 * A form whose values (what its fields hold: text, a picked id as a string) become the channel's input by
 * `toInput`, checked by the channel's own schema on submit, so the form and the server say the same thing.
 * `check` adds what the schema cannot say about the fields (a list left unpicked). A message stays until the
 * next submit, as the server's would; `form.setErrors(fieldErrorsOf(e))` puts a refusal on its fields.
 */
export function useChannelForm<C extends Channel, V extends object>(
  channel: C,
  {
    initialValues,
    toInput,
    check,
  }: { initialValues: V; toInput: (values: V) => InputOf<C>; check?: (values: V) => FieldErrors },
): ChannelForm<C, V> {
  return useForm<V, (values: V) => InputOf<C>>({
    mode: 'controlled',
    initialValues,
    validate: (values) => ({ ...checkAgainst(channel.input, toInput(values)), ...check?.(values) }),
    transformValues: toInput,
    clearInputErrorOnChange: false,
  });
}
