import { useState } from 'react';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { parseSchoolDate } from './parse';

export type DateFieldProps = Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue' | 'minDate' | 'maxDate'> & {
  /** ISO `YYYY-MM-DD`, or '' for none. */
  value?: string | null;
  onChange: (value: string) => void;
  min?: string;
  max?: string;
};

/**
 * A date typed as «дд.мм.гггг» or picked from a Russian calendar; the value stays ISO. The calendar opens on a
 * click or ↓, not while typing, so it never covers the fields and buttons below a keyboard user's field.
 */
export function DateField({ value, onChange, min, max, onClick, onKeyDown, onBlur, ...rest }: DateFieldProps) {
  const [open, setOpen] = useState(false);
  return (
    <DateInput
      valueFormat="DD.MM.YYYY"
      placeholder="дд.мм.гггг"
      dateParser={parseSchoolDate}
      {...rest}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      minDate={min}
      maxDate={max}
      popoverProps={{ opened: open && !rest.disabled && !rest.readOnly, onDismiss: () => setOpen(false) }}
      getDayProps={() => ({ onClick: () => setOpen(false) })}
      onClick={(e) => {
        setOpen(true);
        onClick?.(e);
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown' || (e.key === ' ' && e.ctrlKey)) setOpen(true);
        if (e.key === 'Escape' || e.key === 'Enter' || e.key === 'Tab') setOpen(false);
        onKeyDown?.(e);
      }}
      onBlur={(e) => {
        setOpen(false);
        onBlur?.(e);
      }}
    />
  );
}
