import { BrowserRouter, Route, Routes } from "react-router";
import { AuthProvider, useAuth } from "./auth";
import { Layout } from "./components/Layout";
import { LangProvider, useLang } from "./i18n";
import { Account } from "./routes/Account";
import { Admin } from "./routes/Admin";
import { AssessmentUsage } from "./routes/AssessmentUsage";
import { AuditLog } from "./routes/AuditLog";
import { Case } from "./routes/Case";
import { Caseload } from "./routes/Caseload";
import { Cases } from "./routes/Cases";
import { HandlingTimes } from "./routes/HandlingTimes";
import { Insats } from "./routes/Insats";
import { InsatsCatalogue } from "./routes/InsatsCatalogue";
import { Instruments } from "./routes/Instruments";
import { IvoList } from "./routes/IvoList";
import { NotFound } from "./routes/NotFound";
import { Person } from "./routes/Person";
import { Persons } from "./routes/Persons";
import { SamladBild } from "./routes/SamladBild";
import { SignIn } from "./routes/SignIn";
import { Start } from "./routes/Start";
import { Trainings } from "./routes/Trainings";
import { Uppdrag } from "./routes/Uppdrag";

function Pages() {
  const { me, loading, can } = useAuth();
  const { t } = useLang();
  if (loading) return <p role="status">{t("loading")}</p>;
  if (!me) return <SignIn />;
  return (
    <Routes>
      <Route path="/" element={<Start />} />
      {can("person:read") && <Route path="/personer" element={<Persons />} />}
      {can("person:read") && <Route path="/personer/:id" element={<Person />} />}
      {can("audit:read") && <Route path="/personer/:id/logg" element={<AuditLog />} />}
      {can("audit:read") && <Route path="/logg" element={<AuditLog />} />}
      {can("case:read") && <Route path="/arenden" element={<Cases />} />}
      {can("case:read") && <Route path="/arenden/:id" element={<Case />} />}
      {can("case:assign") && <Route path="/arendefordelning" element={<Caseload />} />}
      {can("stats:read") && <Route path="/handlaggningstider" element={<HandlingTimes />} />}
      {can("stats:read") && <Route path="/statistik/bedomningar" element={<AssessmentUsage />} />}
      {can("stats:read") && <Route path="/statistik/insatser" element={<SamladBild />} />}
      {can("stats:read") && <Route path="/statistik/ivo" element={<IvoList />} />}
      {can("instrument:read") && <Route path="/instrument" element={<Instruments />} />}
      {can("insats:read") && <Route path="/uppdrag" element={<Uppdrag />} />}
      {can("insats:read") && <Route path="/insatser/:id" element={<Insats />} />}
      {can("organisation:read") && <Route path="/insatskatalog" element={<InsatsCatalogue />} />}
      {can("training:read") && <Route path="/utbildningar" element={<Trainings />} />}
      {can("admin") && <Route path="/admin" element={<Admin />} />}
      <Route path="/konto" element={<Account />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

export function App() {
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
