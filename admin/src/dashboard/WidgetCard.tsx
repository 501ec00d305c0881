import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** One dashboard widget: a titled region (its title names it for screen readers), a caption, the figures. */
export function WidgetCard({ title, caption, action, children }: { title: string; caption?: string; action?: ReactNode; children: ReactNode }) {
  const id = `widget-${title.replace(/[^a-zA-Z0-9]+/g, '-').toLowerCase()}`;
  return (
    <Card component="section" aria-labelledby={id} sx={{ height: '100%', minWidth: 0 }}>
      <CardContent>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8 }}>
          <Typography id={id} variant="h6" component="h2">
            {title}
          </Typography>
          {action && <div style={{ flex: '0 0 auto' }}>{action}</div>}
        </div>
        {caption && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {caption}
          </Typography>
        )}
        {children}
      </CardContent>
    </Card>
  );
}
