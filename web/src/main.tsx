import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider, createRouter } from "@tanstack/react-router";
import { signInThrough } from "./lib/router-sign-in";
import { routeTree } from "./routeTree.gen";
import "./styles.css";

function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}

// Start-up runs as a few short tasks rather than one long one, so the browser can paint and take
// input in between: the modules evaluate, then the router is made and loads the route's code and
// data (in flight from boot.js), then the page renders once, in a transition React splits into
// slices.
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function start() {
  await nextTask();
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, retry: 1 } },
  });
  const router = createAppRouter(queryClient);
  signInThrough(router);
  await router.load().catch(() => undefined);
  await nextTask();
  const root = createRoot(document.getElementById("root")!);
  startTransition(() =>
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
}
void start();
