import TextField from '@mui/material/TextField';
import { useTranslate } from 'react-admin';

/** A new password typed twice, with the policy as help: changing one's password and activating an invited account. */
export function NewPasswordFields(props: {
  value: string;
  again: string;
  onChange: (value: string) => void;
  onAgainChange: (value: string) => void;
  /** The server's or the form's message, beside the field it is about. */
  error?: string;
  againError?: string;
  disabled: boolean;
  autoFocus?: boolean;
}) {
  const translate = useTranslate();
  return (
    <>
      <TextField
        type="password"
        name="newPassword"
        label={translate('app.account.new_password')}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoComplete="new-password"
        required
        autoFocus={props.autoFocus}
        fullWidth
        error={!!props.error}
        helperText={props.error ?? translate('app.account.password_policy')}
        disabled={props.disabled}
      />
      <TextField
        type="password"
        name="again"
        label={translate('app.account.new_password_again')}
        value={props.again}
        onChange={(e) => props.onAgainChange(e.target.value)}
        autoComplete="new-password"
        required
        fullWidth
        error={!!props.againError}
        helperText={props.againError}
        disabled={props.disabled}
      />
    </>
  );
}
