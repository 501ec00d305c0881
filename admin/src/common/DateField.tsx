import { DateField as RaDateField, type DateFieldProps, useLocale } from 'react-admin';

/**
 * react-admin's DateField in the console's language and in Paris time, whatever the browser's
 * locale and time zone (« 01/11/2026 » in French, « 01/11/2026 » day first in British English).
 */
export function DateField(props: DateFieldProps) {
  const locale = useLocale();
  const { options, ...rest } = props;
  return <RaDateField locales={locale === 'en' ? 'en-GB' : 'fr-FR'} options={{ timeZone: 'Europe/Paris', ...(props.showTime ? { dateStyle: 'short', timeStyle: 'short' } : {}), ...options }} {...rest} />;
}
