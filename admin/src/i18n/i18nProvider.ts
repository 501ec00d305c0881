import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from './en';
import { fr } from './fr';
import { withFrenchTypography } from './typography';

// Typography applied once, to every French message (react-admin's own included).
const french = withFrenchTypography(fr);

/** French by default; English through the language menu of the app bar. */
export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? en : french), 'fr', [
  { locale: 'fr', name: 'Français' },
  { locale: 'en', name: 'English' },
]);
