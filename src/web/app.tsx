import { type ComponentType, lazy, Suspense } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { AuthProvider, useAuth } from "./auth";
import { Layout } from "./components/Layout";
import { LangProvider, useLang } from "./i18n";
import { Account } from "./routes/Account";
import { AuditLog } from "./routes/AuditLog";
import { Caseload } from "./routes/Caseload";
import { Cases } from "./routes/Cases";
import { NotFound } from "./routes/NotFound";
import { Person } from "./routes/Person";
import { Persons } from "./routes/Persons";
import { SignIn } from "./routes/SignIn";
import { Start } from "./routes/Start";

/**
 * Pages most users open seldom, or that carry heavy parts (the case file with its forms and
 * scoring, the statistics, administration), load on first visit, so the sign-in and start pages
 * stay small.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
const Admin = page(() => import("./routes/Admin"), "Admin");
const AssessmentUsage = page(() => import("./routes/AssessmentUsage"), "AssessmentUsage");
const Case = page(() => import("./routes/Case"), "Case");
const ControlPlan = page(() => import("./routes/ControlPlan"), "ControlPlan");
const ControlPlans = page(() => import("./routes/ControlPlans"), "ControlPlans");
const Deviation = page(() => import("./routes/Deviation"), "Deviation");
const DeviationReport = page(() => import("./routes/DeviationReport"), "DeviationReport");
const Deviations = page(() => import("./routes/Deviations"), "Deviations");
const DeviationStats = page(() => import("./routes/DeviationStats"), "DeviationStats");
const EffectReport = page(() => import("./routes/EffectReport"), "EffectReport");
const EmergencyAccess = page(() => import("./routes/EmergencyAccess"), "EmergencyAccess");
const EmergencyAccessReviews = page(() => import("./routes/EmergencyAccessReviews"), "EmergencyAccessReviews");
const FileReviewPage = page(() => import("./routes/FileReviewPage"), "FileReviewPage");
const FileReviews = page(() => import("./routes/FileReviews"), "FileReviews");
const ActionPlan = page(() => import("./routes/ActionPlan"), "ActionPlan");
const AvhoppList = page(() => import("./routes/AvhoppList"), "AvhoppList");
const Forum = page(() => import("./routes/Forum"), "Forum");
const Forums = page(() => import("./routes/Forums"), "Forums");
const Fieldwork = page(() => import("./routes/Fieldwork"), "Fieldwork");
const FieldworkMap = page(() => import("./routes/FieldworkMap"), "FieldworkMap");
const FieldworkAreas = page(() => import("./routes/FieldworkAreas"), "FieldworkAreas");
const Incidents = page(() => import("./routes/Incidents"), "Incidents");
const Lagesbild = page(() => import("./routes/Lagesbild"), "Lagesbild");
const Lagesbilder = page(() => import("./routes/Lagesbilder"), "Lagesbilder");
const HandlingTimes = page(() => import("./routes/HandlingTimes"), "HandlingTimes");
const Insats = page(() => import("./routes/Insats"), "Insats");
const InsatsCatalogue = page(() => import("./routes/InsatsCatalogue"), "InsatsCatalogue");
const Instruments = page(() => import("./routes/Instruments"), "Instruments");
const IsuSettings = page(() => import("./routes/IsuSettings"), "IsuSettings");
const IvoList = page(() => import("./routes/IvoList"), "IvoList");
const LateDeadlines = page(() => import("./routes/LateDeadlines"), "LateDeadlines");
const LogReview = page(() => import("./routes/LogReview"), "LogReview");
const LogReviews = page(() => import("./routes/LogReviews"), "LogReviews");
const Meeting = page(() => import("./routes/Meeting"), "Meeting");
const ProtectedMatches = page(() => import("./routes/ProtectedMatches"), "ProtectedMatches");
const SamladBild = page(() => import("./routes/SamladBild"), "SamladBild");
const Styrdokument = page(() => import("./routes/Styrdokument"), "Styrdokument");
const StyrdokumentDetail = page(() => import("./routes/StyrdokumentDetail"), "StyrdokumentDetail");
const Trainings = page(() => import("./routes/Trainings"), "Trainings");
const Uppdrag = page(() => import("./routes/Uppdrag"), "Uppdrag");
const YoungOffendersReport = page(() => import("./routes/YoungOffendersReport"), "YoungOffendersReport");
const SelfReport = page(() => import("./routes/SelfReport"), "SelfReport");

/** The public self-report form (/svar#<token>): no sign-in, no navigation, nothing about the person. */
function SelfReportPage() {
  const { t } = useLang();
  return (
    <main id="main" className="self-report">
      <Suspense fallback={<p role="status">{t("loading")}</p>}>
        <SelfReport />
      </Suspense>
    </main>
  );
}

function Pages() {
  const { me, loading, can } = useAuth();
  const { t } = useLang();
  if (loading) return <p role="status">{t("loading")}</p>;
  if (!me) return <SignIn />;
  return (
    <Suspense fallback={<p role="status">{t("loading")}</p>}>
      <Routes>
        <Route path="/" element={<Start />} />
        {can("person:read") && <Route path="/personer" element={<Persons />} />}
        {can("person:read") && <Route path="/personer/:id" element={<Person />} />}
        {can("audit:read") && <Route path="/personer/:id/logg" element={<AuditLog />} />}
        {can("person:read") && me.protectedIdentityAccess && (
          <Route path="/skyddade-registreringar" element={<ProtectedMatches />} />
        )}
        {can("person:read") && <Route path="/nodatkomst" element={<EmergencyAccess />} />}
        {can("audit:read") && <Route path="/logg" element={<AuditLog />} />}
        {can("case:read") && <Route path="/arenden" element={<Cases />} />}
        {can("case:read") && <Route path="/arenden/:id" element={<Case />} />}
        {can("case:read") && <Route path="/avhopp" element={<AvhoppList />} />}
        {can("case:assign") && <Route path="/arendefordelning" element={<Caseload />} />}
        {can("stats:read") && <Route path="/handlaggningstider" element={<HandlingTimes />} />}
        {can("stats:read") && <Route path="/statistik/bedomningar" element={<AssessmentUsage />} />}
        {can("stats:read") && <Route path="/statistik/insatser" element={<SamladBild />} />}
        {can("stats:read") && <Route path="/statistik/effekter" element={<EffectReport />} />}
        {can("stats:read") && <Route path="/statistik/ivo" element={<IvoList />} />}
        {can("stats:read") && <Route path="/statistik/ungdomsmal" element={<YoungOffendersReport />} />}
        {can("stats:read") && <Route path="/statistik/avvikelser" element={<DeviationStats />} />}
        {can("deviation:report") && <Route path="/avvikelser/ny" element={<DeviationReport />} />}
        {can("deviation:manage") && <Route path="/avvikelser" element={<Deviations />} />}
        {can("deviation:report") && <Route path="/avvikelser/:id" element={<Deviation />} />}
        {can("review:manage") && <Route path="/egenkontroll/sena-tidsfrister" element={<LateDeadlines />} />}
        {can("review:manage") && <Route path="/egenkontroll/nodatkomst" element={<EmergencyAccessReviews />} />}
        {can("review:manage") && <Route path="/egenkontroll/aktgranskning" element={<FileReviews />} />}
        {can("review:manage") && <Route path="/egenkontroll/aktgranskning/:id" element={<FileReviewPage />} />}
        {can("document:read") && <Route path="/styrdokument" element={<Styrdokument />} />}
        {can("document:read") && <Route path="/styrdokument/:id" element={<StyrdokumentDetail />} />}
        {can("logreview:manage") && <Route path="/egenkontroll/loggkontroll" element={<LogReviews />} />}
        {can("logreview:manage") && <Route path="/egenkontroll/loggkontroll/:id" element={<LogReview />} />}
        {can("review:manage") && <Route path="/egenkontroll/internkontrollplan" element={<ControlPlans />} />}
        {can("review:manage") && <Route path="/egenkontroll/internkontrollplan/:id" element={<ControlPlan />} />}
        {can("forum:manage") && <Route path="/samverkan" element={<Forums />} />}
        {can("fieldwork:read") && <Route path="/faltarbete" element={<Fieldwork />} />}
        {can("fieldwork:read") && <Route path="/faltarbete/karta" element={<FieldworkMap />} />}
        {can("fieldwork:log") && <Route path="/handelserapporter" element={<Incidents />} />}
        {can("fieldwork:manage") && <Route path="/faltarbete/omraden" element={<FieldworkAreas />} />}
        {can("lagesbild:read") && <Route path="/lagesbild" element={<Lagesbilder />} />}
        {can("lagesbild:read") && <Route path="/lagesbild/:id" element={<Lagesbild />} />}
        {can("forum:manage") && <Route path="/samverkan/forum/:id" element={<Forum />} />}
        {can("forum:manage") && <Route path="/samverkan/moten/:id" element={<Meeting />} />}
        {can("consent:manage") && <Route path="/atgardsplaner/:id" element={<ActionPlan />} />}
        {can("instrument:read") && <Route path="/instrument" element={<Instruments />} />}
        {can("insats:read") && <Route path="/uppdrag" element={<Uppdrag />} />}
        {can("insats:read") && <Route path="/insatser/:id" element={<Insats />} />}
        {can("organisation:read") && <Route path="/insatskatalog" element={<InsatsCatalogue />} />}
        {can("catalogue:manage") && <Route path="/isu-installningar" element={<IsuSettings />} />}
        {can("training:read") && <Route path="/utbildningar" element={<Trainings />} />}
        {can("admin") && <Route path="/admin" element={<Admin />} />}
        <Route path="/konto" element={<Account />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}

export function App() {
  // Before the auth check: AuthProvider would ask /api/auth/me.
  if (window.location.pathname === "/svar")
    return (
      <LangProvider>
        <SelfReportPage />
      </LangProvider>
    );
  return (
    <LangProvider>
      <AuthProvider>
        <BrowserRouter>
          <Layout>
            <Pages />
          </Layout>
        </BrowserRouter>
      </AuthProvider>
    </LangProvider>
  );
}
