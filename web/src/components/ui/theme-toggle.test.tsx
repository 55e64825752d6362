import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ThemeToggle } from "./theme-toggle";

// A system preference the test can change, as the OS does at sunset.
let systemDark = false;
const listeners = new Set<() => void>();

beforeEach(() => {
  systemDark = false;
  localStorage.clear();
  document.documentElement.classList.remove("dark");
  window.matchMedia = ((query: string) => ({
    media: query,
    get matches() {
      return systemDark;
    },
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  })) as unknown as typeof window.matchMedia;
});

afterEach(() => {
  cleanup();
  listeners.clear();
});

const isDark = () => document.documentElement.classList.contains("dark");
const setSystem = (dark: boolean) => {
  systemDark = dark;
  listeners.forEach((listener) => listener());
};

describe("ThemeToggle", () => {
  it("offers system, light and dark, and starts on system when nothing is saved", () => {
    render(<ThemeToggle />);
    const radios = screen.getAllByRole("radio");
    expect(radios.map((r) => r.getAttribute("value"))).toEqual(["system", "light", "dark"]);
    expect((screen.getByRole("radio", { name: "System" }) as HTMLInputElement).checked).toBe(true);
  });

  it("remembers dark, and goes back to following the system", () => {
    render(<ThemeToggle />);
    fireEvent.click(screen.getByRole("radio", { name: "Dark" }));
    expect(isDark()).toBe(true);
    expect(localStorage.getItem("improview.theme")).toBe("dark");

    fireEvent.click(screen.getByRole("radio", { name: "System" }));
    expect(localStorage.getItem("improview.theme")).toBeNull();
    expect(isDark()).toBe(false);
    setSystem(true);
    expect(isDark()).toBe(true);
  });

  it("ignores the system while a theme is chosen", () => {
    localStorage.setItem("improview.theme", "light");
    render(<ThemeToggle />);
    expect((screen.getByRole("radio", { name: "Light" }) as HTMLInputElement).checked).toBe(true);
    setSystem(true);
    expect(isDark()).toBe(false);
  });
});
