/** A French postcode (5 digits), as the API requires; the message key is translated by react-admin. */
export const postcode = (value: string | undefined) => (value && !/^\d{5}$/.test(value.trim()) ? 'app.zip_invalid' : undefined);
