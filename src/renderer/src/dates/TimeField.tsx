import { TimePicker, type TimePickerProps } from '@mantine/dates';

export type TimeFieldProps = Omit<TimePickerProps, 'value' | 'onChange' | 'defaultValue' | 'format'> & {
  /** `HH:MM` on the 24-hour clock, or '' for none. */
  value?: string | null;
  onChange: (value: string) => void;
};

/** A time of day on the 24-hour clock («08:30», «14:05»), hours and minutes typed in place. */
export function TimeField({ value, onChange, ...rest }: TimeFieldProps) {
  const name = typeof rest.label === 'string' ? rest.label : (rest['aria-label'] ?? 'Время');
  return (
    <TimePicker
      format="24h"
      hoursInputLabel={`${name}: часы`}
      minutesInputLabel={`${name}: минуты`}
      {...rest}
      value={value ?? ''}
      onChange={onChange}
    />
  );
}
