import { isolateHistory } from "@codemirror/commands";
import { EditorState, StateField, Transaction, type Extension } from "@codemirror/state";
import { EditorView, ViewPlugin } from "@codemirror/view";
import { saveCommand } from "./save-command";

/** The part of the Vim adapter (CodeMirror 5's API) this file uses. */
export interface VimAdapter {
  cm6: EditorView;
  on(event: "vim-mode-change", handler: (event: { mode: string }) => void): void;
  off(event: "vim-mode-change", handler: (event: { mode: string }) => void): void;
}

/** One editor state's insert session; mutable, read by the transaction filter. */
interface InsertSession {
  /** In insert (or replace) mode. */
  active: boolean;
  /** Typing joins the previous history event: the change that started the session, or earlier typing. */
  join: boolean;
  /** The document changed in the current task, i.e. by the command now entering insert mode. */
  changedNow: boolean;
}

const session = StateField.define<InsertSession>({
  create: () => ({ active: false, join: false, changedNow: false }),
  update: (value) => value,
});

// Typing, deleting and pasting in insert mode; a picked completion keeps its own annotations.
const INSERT_EVENT = /^(input|delete)(\.|$)/;

/**
 * In Vim a change and the text typed after it (`ciw` + "seen", `o` + a line) are one undo step,
 * however long the typing takes. CodeMirror's history groups by time and adjacency instead, so
 * `u` would first undo the typing and leave `const  = new Set()`. Here every edit of an insert
 * session is marked as a composition, which the history always joins to the previous event; a
 * session that did not start with a change starts a history event of its own.
 */
export function vimInsertAsOneChange(getCM: (view: EditorView) => VimAdapter | null): Extension {
  return [
    session,
    EditorState.transactionFilter.of((tr) => {
      const current = tr.startState.field(session, false);
      const event = tr.annotation(Transaction.userEvent);
      if (!current?.active || !tr.docChanged || !event || !INSERT_EVENT.test(event)) return tr;
      if (event === "input.complete" || event.startsWith("input.type.compose")) return tr;
      const first = !current.join;
      current.join = true;
      return {
        changes: tr.changes,
        selection: tr.selection,
        effects: tr.effects,
        scrollIntoView: tr.scrollIntoView,
        annotations: [
          Transaction.userEvent.of(first ? event : "input.type.compose"),
          ...(first ? [isolateHistory.of("before")] : []),
        ],
      };
    }),
    EditorView.updateListener.of((update) => {
      const current = update.state.field(session, false);
      if (!current || !update.docChanged) return;
      current.changedNow = true;
      queueMicrotask(() => (current.changedNow = false));
    }),
    ViewPlugin.define((view) => {
      let cm: VimAdapter | null = null;
      const onModeChange = ({ mode }: { mode: string }) => {
        const current = view.state.field(session, false);
        if (!current) return;
        const inserting = mode === "insert" || mode === "replace";
        if (inserting && !current.active) current.join = current.changedNow;
        current.active = inserting;
      };
      // The Vim plugin makes its adapter when it is created, which may be just after this one.
      const attach = () => {
        if (cm) return;
        cm = getCM(view);
        cm?.on("vim-mode-change", onModeChange);
      };
      attach();
      return {
        update: attach,
        destroy: () => cm?.off("vim-mode-change", onModeChange),
      };
    }),
  ];
}

/** `:w` (and `:write`) runs the editor's save command. */
export function vimWrite(adapter: VimAdapter) {
  for (const save of adapter.cm6.state.facet(saveCommand)) save();
}
