import { MonthPickerInput, type MonthPickerInputProps } from '@mantine/dates';

export type MonthFieldProps = Omit<MonthPickerInputProps, 'value' | 'onChange' | 'defaultValue' | 'type'> & {
  /** `YYYY-MM`, or '' for none. */
  value?: string | null;
  onChange: (value: string) => void;
};

/** A month as «ноябрь 2026», picked from a Russian list of months; the value is `YYYY-MM`. */
export function MonthField({ value, onChange, ...rest }: MonthFieldProps) {
  return (
    <MonthPickerInput
      valueFormat="MMMM YYYY"
      placeholder="месяц"
      {...rest}
      value={value ? `${value}-01` : null}
      onChange={(v) => onChange(v ? v.slice(0, 7) : '')}
    />
  );
}
