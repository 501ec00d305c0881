import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';

/** A quiet sentence for an empty related list ("Aucune note pour ce dossier."). */
export function EmptyText({ text }: { text: string }) {
  const translate = useTranslate();
  return (
    <Typography color="text.secondary" sx={{ py: 1 }}>
      {translate(text)}
    </Typography>
  );
}
