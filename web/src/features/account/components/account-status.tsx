import { useQuery } from "@tanstack/react-query";
import { Link, useLocation } from "@tanstack/react-router";
import { safeNext } from "../../../lib/next-path";
import { authOptionsQuery } from "../api/auth-options";
import { meQuery } from "../api/me";

/**
 * The header's account corner in accounts mode: the signed-in email, linking to `/account`, or a
 * "Sign in" link that comes back here. In local mode (nobody signs in) it shows nothing.
 */
export function AccountStatus() {
  const options = useQuery(authOptionsQuery);
  const accounts = options.data?.mode === "accounts";
  const me = useQuery({ ...meQuery, enabled: accounts });
  const location = useLocation();
  if (!accounts || me.isPending || me.isError) return null;
  if (me.data) {
    return (
      <Link
        to="/account"
        className="max-w-56 truncate text-sm text-ink-muted hover:text-ink"
        activeProps={{ className: "text-ink" }}
        title="Your account"
      >
        {me.data.email ?? "Local account"}
      </Link>
    );
  }
  const next = safeNext(location.href);
  return (
    <Link
      to="/sign-in"
      search={next === "/" ? {} : { next }}
      className="text-sm font-medium text-accent hover:underline"
    >
      Sign in
    </Link>
  );
}
