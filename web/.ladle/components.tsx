import type { GlobalProvider } from "@ladle/react";
import { useLayoutEffect } from "react";
import "./ladle.css";

/** Follows Ladle's theme switch with the app's own `dark` class, so tokens flip as in the app. */
export const Provider: GlobalProvider = ({ children, globalState }) => {
  const dark = globalState.theme === "dark";
  useLayoutEffect(() => {
    document.documentElement.classList.toggle("dark", dark);
  }, [dark]);
  return <div className="min-h-screen bg-canvas p-6 font-sans text-ink">{children}</div>;
};
