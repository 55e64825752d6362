import type { QueryClient } from "@tanstack/react-query";
import { Link, Outlet, createRootRouteWithContext } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { ErrorPanel } from "../components/ui/error-panel";
import { ThemeToggle } from "../components/ui/theme-toggle";
import { AccountStatus } from "../features/account/components/account-status";
import { ApiError } from "../lib/api-client";

export const Route = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: () => (
    <SiteLayout>
      <Outlet />
    </SiteLayout>
  ),
  // An error no route below handled replaces the root's component, so it brings the layout along:
  // the header and its way back stay.
  errorComponent: ({ error }) => (
    <SiteLayout>
      <ErrorPanel error={error} />
    </SiteLayout>
  ),
  notFoundComponent: () => <ErrorPanel error={new ApiError(404, "No route for this address.")} />,
});

function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex h-12 max-w-6xl items-center gap-6 px-4">
          <Link to="/" className="font-semibold tracking-tight">
            Improview
          </Link>
          <nav aria-label="Main" className="flex gap-4 text-sm text-ink-muted">
            <Link to="/" activeProps={{ className: "text-ink" }} activeOptions={{ exact: true }}>
              Practice
            </Link>
            <Link to="/attempts" activeProps={{ className: "text-ink" }}>
              History
            </Link>
          </nav>
          <div className="ml-auto flex items-center gap-4">
            <AccountStatus />
            <ThemeToggle />
          </div>
        </div>
      </header>
      <main id="main" className="flex-1">
        {children}
      </main>
    </div>
  );
}
