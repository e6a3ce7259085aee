import { Link } from "react-router";
import { useLang } from "../i18n";

export function NotFound() {
  const { t } = useLang();
  return (
    <div className="card">
      <h1>{t("notFound")}</h1>
      <p>{t("notFoundText")}</p>
      <Link to="/">{t("navStart")}</Link>
    </div>
  );
}
