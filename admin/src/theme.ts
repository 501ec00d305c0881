import { defaultTheme, type RaThemeOptions } from 'react-admin';

const BLUE_FRANCE = '#000091';
const FONT = '"Marianne", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * Sober French-administration look: "bleu France" primary, Marianne when the workstation has it
 * (no web font is downloaded), system sans-serif otherwise; flat surfaces, no capitals on buttons.
 */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    mode: 'light',
    primary: { main: BLUE_FRANCE, contrastText: '#ffffff' },
    secondary: { main: BLUE_FRANCE, contrastText: '#ffffff' },
    error: { main: '#ce0500' },
    success: { main: '#18753c' },
    warning: { main: '#b34000' },
    info: { main: '#0063cb' },
    background: { default: '#f6f6f6', paper: '#ffffff' },
    text: { primary: '#161616', secondary: '#666666' },
  },
  typography: {
    fontFamily: FONT,
    button: { textTransform: 'none', fontWeight: 500 },
    h5: { fontWeight: 700 },
    h6: { fontWeight: 700 },
  },
  shape: { borderRadius: 4 },
  sidebar: { width: 250, closedWidth: 55 },
  components: {
    ...defaultTheme.components,
    MuiAppBar: { defaultProps: { elevation: 0 } },
    // The page never scrolls sideways: the content column may shrink below its widest table,
    // and a table wider than the screen scrolls inside its own box.
    RaLayout: { styleOverrides: { root: { '& .RaLayout-content': { minWidth: 0 } } } },
    RaDatagrid: { styleOverrides: { root: { '& .RaDatagrid-tableWrapper': { overflowX: 'auto' } } } },
    MuiTab: { styleOverrides: { root: { textTransform: 'none', fontWeight: 500 } } },
    MuiChip: { styleOverrides: { root: { fontWeight: 500 } } },
    MuiCard: { defaultProps: { elevation: 0 }, styleOverrides: { root: { border: '1px solid #dddddd' } } },
  },
};
