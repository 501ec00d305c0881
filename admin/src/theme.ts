import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** Sober French-administration look: "bleu France" primary, system fonts (Marianne when installed). */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    primary: { main: '#000091' },
    secondary: { main: '#000091' },
    error: { main: '#ce0500' },
    success: { main: '#18753c' },
    warning: { main: '#b34000' },
    background: { default: '#f6f6f6' },
  },
  typography: {
    fontFamily: '"Marianne", system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  },
  shape: { borderRadius: 4 },
  sidebar: { width: 250, closedWidth: 55 },
};
