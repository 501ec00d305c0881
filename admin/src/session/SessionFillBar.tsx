import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';

/** Places taken over places total, as a bar and a percentage ("24 %"). */
export function SessionFillBar({ record, width = 120 }: { record: { placesTotal: number; placesLeft: number }; width?: number }) {
  const used = record.placesTotal - record.placesLeft;
  const rate = record.placesTotal ? Math.round((100 * used) / record.placesTotal) : 0;
  return (
    <Box component="span" title={`${used} / ${record.placesTotal}`} sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
      <LinearProgress
        variant="determinate"
        value={Math.min(rate, 100)}
        color={rate >= 100 ? 'error' : rate >= 90 ? 'warning' : 'primary'}
        sx={{ width, height: 8, borderRadius: 4 }}
        aria-label={`${rate} %`}
      />
      <Typography component="span" variant="body2">
        {rate} %
      </Typography>
    </Box>
  );
}
