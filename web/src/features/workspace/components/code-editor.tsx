import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  bracketMatching,
  ensureSyntaxTree,
  foldGutter,
  foldKeymap,
  indentOnInput,
  indentUnit,
} from "@codemirror/language";
import { linter, lintGutter, lintKeymap, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { Compartment, EditorState, Prec } from "@codemirror/state";
import {
  EditorView,
  drawSelection,
  dropCursor,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  rectangularSelection,
} from "@codemirror/view";
import { useEffect, useRef } from "react";
import { diagnosticRange, type ServerDiagnostic } from "../model/diagnostics";
import { cspNonce, languageNow, loadLanguage, loadVim, vimNow } from "../editor/editor-extensions";
import { editorTheme } from "../editor/editor-theme";
import { saveCommand } from "../editor/save-command";
import type { Language } from "../../../lib/closed-sets";

/** Where to put the caret when the editor mounts: at a clicked point, or where the text starts. */
export type FocusRequest = { x: number; y: number } | "keep";

export interface CodeEditorProps {
  /** Identifies the document (problem + language): each keeps its own state and undo history. */
  documentKey: string;
  language: Language;
  /** The document's text when it is first shown; later changes flow out through onChange. */
  initialValue: string;
  onChange?: (code: string) => void;
  onRun?: () => void;
  /** Save now: `:w` in Vim, Ctrl/Cmd+S. */
  onSave?: () => void;
  vim?: boolean;
  readOnly?: boolean;
  /** Diagnostics from the server for the current text (e.g. Java compiler errors). */
  diagnostics?: ServerDiagnostic[];
  label: string;
  /** Focus the editor once it is mounted (it replaced a preview the user interacted with). */
  focusOnMount?: FocusRequest;
}

const indents: Record<Language, string> = { javascript: "  ", python: "    ", java: "  " };

// Syntax errors straight from the incremental parser: instant and offline. Java is left to the
// compiler, whose diagnostics arrive with a run.
function syntaxErrors(view: EditorView): Diagnostic[] {
  const tree = ensureSyntaxTree(view.state, view.state.doc.length, 500);
  if (!tree) return [];
  const found: Diagnostic[] = [];
  tree.iterate({
    enter: (node) => {
      if (!node.type.isError || found.length >= 20) return;
      const line = view.state.doc.lineAt(node.from);
      const to = Math.max(node.to, Math.min(node.from + 1, line.to));
      if (found.some((d) => d.from === node.from)) return;
      found.push({ from: node.from, to, severity: "error", message: "Syntax error" });
    },
  });
  return found;
}

/** CodeMirror 6 with the app's theme; loaded lazily in its own chunk. */
export default function CodeEditor({
  documentKey,
  language,
  initialValue,
  onChange,
  onRun,
  onSave,
  vim: vimOn = false,
  readOnly = false,
  diagnostics,
  label,
  focusOnMount,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const states = useRef(new Map<string, EditorState>());
  const currentKey = useRef(documentKey);
  const vimCompartment = useRef(new Compartment());
  const languageCompartment = useRef(new Compartment());
  const callbacks = useRef({ onChange, onRun, onSave });

  useEffect(() => {
    callbacks.current = { onChange, onRun, onSave };
  });

  const createState = (doc: string, lang: Language, withVim: boolean) =>
    EditorState.create({
      doc,
      extensions: [
        cspNonce(),
        // Vim's keymap must come before the others to see keys first.
        vimCompartment.current.of((withVim && vimNow()) || []),
        Prec.highest(
          keymap.of([
            {
              key: "Mod-Enter",
              run: () => {
                callbacks.current.onRun?.();
                return true;
              },
            },
            {
              // The draft, not the browser's "save page" dialog.
              key: "Mod-s",
              run: () => {
                callbacks.current.onSave?.();
                return true;
              },
            },
          ]),
        ),
        saveCommand.of(() => callbacks.current.onSave?.()),
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        foldGutter(),
        drawSelection(),
        dropCursor(),
        EditorState.allowMultipleSelections.of(true),
        indentOnInput(),
        indentUnit.of(indents[lang]),
        EditorState.tabSize.of(indents[lang].length),
        bracketMatching(),
        closeBrackets(),
        autocompletion(),
        rectangularSelection(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        keymap.of([
          ...closeBracketsKeymap,
          ...defaultKeymap,
          ...searchKeymap,
          ...historyKeymap,
          ...foldKeymap,
          ...completionKeymap,
          ...lintKeymap,
          indentWithTab,
        ]),
        languageCompartment.current.of(languageNow(lang) ?? []),
        lang === "java" ? [] : linter(syntaxErrors, { delay: 400 }),
        lintGutter(),
        editorTheme,
        EditorState.readOnly.of(readOnly),
        EditorView.contentAttributes.of({
          "aria-label": label,
          "aria-describedby": "editor-keys",
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) callbacks.current.onChange?.(update.state.doc.toString());
        }),
      ],
    });

  // Create the view once; later props are applied by the effects below.
  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      state: createState(initialValue, language, vimOn),
      parent: host.current,
    });
    view.current = editor;
    if (focusOnMount) {
      editor.focus();
      if (focusOnMount !== "keep") {
        const pos = editor.posAtCoords(focusOnMount);
        if (pos !== null) editor.dispatch({ selection: { anchor: pos } });
      }
    }
    return () => {
      editor.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Another document: park the current state (keeps its undo history) and show the other one.
  useEffect(() => {
    const editor = view.current;
    if (!editor || currentKey.current === documentKey) return;
    states.current.set(currentKey.current, editor.state);
    currentKey.current = documentKey;
    const saved = states.current.get(documentKey);
    editor.setState(saved ?? createState(initialValue, language, vimOn));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documentKey]);

  // Modes arrive asynchronously: apply them once loaded, if the same document is still shown.
  useEffect(() => {
    let current = true;
    void loadLanguage(language).then((extension) => {
      const editor = view.current;
      if (!current || !editor) return;
      editor.dispatch({ effects: languageCompartment.current.reconfigure(extension) });
    });
    return () => {
      current = false;
    };
  }, [language, documentKey]);

  useEffect(() => {
    let current = true;
    if (!vimOn) {
      view.current?.dispatch({ effects: vimCompartment.current.reconfigure([]) });
      return;
    }
    void loadVim().then((extension) => {
      if (current)
        view.current?.dispatch({ effects: vimCompartment.current.reconfigure(extension) });
    });
    return () => {
      current = false;
    };
  }, [vimOn, documentKey]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || !diagnostics) return;
    const doc = editor.state.doc.toString();
    editor.dispatch(
      setDiagnostics(
        editor.state,
        // One without a known line is listed in the results only, never marked on line 1.
        diagnostics.flatMap((d) => {
          const range = diagnosticRange(doc, d.line, d.column);
          return range ? [{ ...range, severity: "error" as const, message: d.message }] : [];
        }),
      ),
    );
  }, [diagnostics]);

  return <div ref={host} className="h-full min-h-0 overflow-hidden" data-language={language} />;
}
