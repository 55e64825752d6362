import { useState } from "react";
import { readString, writeString } from "../../../lib/storage";

const VIM_KEY = "improview.vim";

/** Whether the editor uses Vim key bindings, remembered in this browser. */
export function useVim() {
  const [vim, setVim] = useState(() => readString(VIM_KEY) === "on");
  const toggle = () => {
    setVim((on) => {
      writeString(VIM_KEY, on ? "off" : "on");
      return !on;
    });
  };
  return [vim, toggle] as const;
}
