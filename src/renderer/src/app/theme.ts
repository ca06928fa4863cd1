import { createTheme } from '@mantine/core';

/** Calm and plain: one muted blue, small radii, system fonts with full Cyrillic (Segoe UI on school PCs). */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 7,
  defaultRadius: 'sm',
  fontFamily: '"Segoe UI", "PT Sans", Roboto, "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  cursorType: 'pointer',
  components: {
    // A spinner is a status: its «Загрузка» label is announced, and a bare span may not carry a label.
    Loader: { defaultProps: { role: 'status' } },
  },
});
