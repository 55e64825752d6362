import { Facet } from "@codemirror/state";

/** What saving the document means for an editor (`:w` in Vim, Ctrl/Cmd+S): the draft, now. */
export const saveCommand = Facet.define<() => void>();
