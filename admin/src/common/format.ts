import { useMemo } from 'react';
import { useLocale, useTranslate } from 'react-admin';

export interface Formatters {
  integer(value: number): string;
  /** A figure between 0 and 2 (distance) or a small gap (balance): a few decimals. */
  decimal(value: number, digits?: number): string;
  /** A share from 0 to 1, as « 12,5 % ». */
  percent(value: number): string;
  /** An instant, in Paris time (the product's time zone, whatever the browser's). */
  dateTime(value: string): string;
  /** `translate` with a plural chosen on `count` and the number written the French way. */
  counted(key: string, count: number, options?: Record<string, unknown>): string;
}

/** Number and date formatters of the console's language (French by default). */
export function useFormatters(): Formatters {
  const locale = useLocale();
  const translate = useTranslate();
  return useMemo(() => {
    const tag = locale === 'en' ? 'en-GB' : 'fr-FR';
    const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
    const percent = new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
    const decimals = new Map<number, Intl.NumberFormat>();
    return {
      integer: (value) => integer.format(value),
      decimal: (value, digits = 2) => {
        if (!decimals.has(digits)) decimals.set(digits, new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits }));
        return decimals.get(digits)!.format(value);
      },
      percent: (value) => percent.format(value),
      dateTime: (value) => dateTime.format(new Date(value)),
      counted: (key, count, options = {}) => translate(key, { ...options, smart_count: count, count: integer.format(count) }),
    };
  }, [locale, translate]);
}
