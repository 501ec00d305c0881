import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { AssignmentPage } from './assignment/AssignmentPage';
import { auditEventResource } from './audit-event';
import { authProvider } from './authProvider';
import { cohesionCenterResource } from './cohesion-center';
import { cohortResource } from './cohort';
import { Dashboard } from './dashboard/Dashboard';
import { createDataProvider } from './dataProvider';
import { departmentResource } from './department';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { meetingPointResource } from './meeting-point';
import { regionResource } from './region';
import { sessionResource } from './session';
import { theme } from './theme';
import { transportLineResource } from './transport-line';
import { userResource } from './user';
import { volunteerResource } from './volunteer';

// Built from the schema shipped at build time: no request before login, no server introspection.
const dataProvider = createDataProvider();

/** The table of contents: every resource of the console and its providers. */
export function App() {
  return (
    <Admin
      title="SNU – Back-office"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      theme={theme}
      layout={Layout}
      loginPage={LoginPage}
      dashboard={Dashboard}
      requireAuth
      disableTelemetry
    >
      <Resource {...volunteerResource} />
      <Resource {...cohortResource} />
      <Resource {...cohesionCenterResource} />
      <Resource {...sessionResource} />
      <Resource {...meetingPointResource} />
      <Resource {...transportLineResource} />
      <Resource {...departmentResource} />
      <Resource {...regionResource} />
      <Resource {...auditEventResource} />
      <Resource {...userResource} />
      {/* Read through the volunteer page only (no menu entry). */}
      <Resource name="Note" />
      <Resource name="CorrectionRequest" />
      <Resource name="EmailMessage" />
      <CustomRoutes>
        <Route path="/affectation" element={<AssignmentPage />} />
      </CustomRoutes>
    </Admin>
  );
}
