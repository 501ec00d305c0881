import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';
import { ImpersonationBanner } from './ImpersonationBanner';
import { Menu } from './Menu';
import { SessionWatch } from './SessionWatch';

/** react-admin's layout with the SNU app bar and, while an admin acts as someone else, its banner; the menu lists the resources the user may open, and « Affectation » for placement managers. */
export function Layout({ children }: { children: ReactNode }) {
  return (
    <RaLayout appBar={AppBar} menu={Menu}>
      <SessionWatch />
      <ImpersonationBanner />
      {children}
    </RaLayout>
  );
}
