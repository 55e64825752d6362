import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { EditorView } from "@codemirror/view";
import { tags as t } from "@lezer/highlight";

// Colours come from the app's CSS variables, so the editor follows the light/dark theme
// without being reconfigured.
const chrome = EditorView.theme({
  "&": {
    height: "100%",
    backgroundColor: "var(--iv-surface)",
    color: "var(--iv-ink)",
    fontSize: "13.5px",
  },
  // A visible focus ring, as everywhere else in the app.
  "&.cm-focused": { outline: "2px solid var(--iv-focus)", outlineOffset: "-2px" },
  ".cm-scroller": { fontFamily: "var(--font-mono)", lineHeight: "1.6" },
  ".cm-content": { caretColor: "var(--iv-ink)", padding: "8px 0" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--iv-ink)", borderLeftWidth: "2px" },
  ".cm-gutters": {
    backgroundColor: "var(--iv-surface)",
    color: "var(--iv-ink-muted)",
    border: "none",
  },
  ".cm-lineNumbers .cm-gutterElement": { padding: "0 8px 0 12px" },
  ".cm-activeLine": { backgroundColor: "color-mix(in srgb, var(--iv-accent) 7%, transparent)" },
  ".cm-activeLineGutter": {
    backgroundColor: "color-mix(in srgb, var(--iv-accent) 7%, transparent)",
    color: "var(--iv-ink)",
  },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection":
    { backgroundColor: "color-mix(in srgb, var(--iv-accent) 28%, transparent) !important" },
  ".cm-matchingBracket, &.cm-focused .cm-matchingBracket": {
    backgroundColor: "color-mix(in srgb, var(--iv-accepted) 22%, transparent)",
    outline: "1px solid color-mix(in srgb, var(--iv-accepted) 60%, transparent)",
  },
  ".cm-nonmatchingBracket, &.cm-focused .cm-nonmatchingBracket": {
    backgroundColor: "color-mix(in srgb, var(--iv-wrong) 25%, transparent)",
  },
  ".cm-selectionMatch": { backgroundColor: "color-mix(in srgb, var(--iv-limit) 18%, transparent)" },
  ".cm-fat-cursor": {
    background: "color-mix(in srgb, var(--iv-accent) 70%, transparent) !important",
    color: "var(--iv-accent-ink) !important",
  },
  "&:not(.cm-focused) .cm-fat-cursor": {
    background: "none !important",
    outline: "1px solid var(--iv-accent)",
  },
  ".cm-panels": {
    backgroundColor: "var(--iv-surface-raised)",
    color: "var(--iv-ink)",
    fontFamily: "var(--font-mono)",
    fontSize: "12px",
  },
  ".cm-panels.cm-panels-bottom": { borderTop: "1px solid var(--iv-line)" },
  ".cm-tooltip": {
    backgroundColor: "var(--iv-surface-raised)",
    color: "var(--iv-ink)",
    border: "1px solid var(--iv-line)",
    borderRadius: "6px",
  },
  ".cm-tooltip-autocomplete ul li[aria-selected]": {
    backgroundColor: "var(--iv-accent)",
    color: "var(--iv-accent-ink)",
  },
  ".cm-diagnostic-error": { borderLeftColor: "var(--iv-wrong)" },
  ".cm-lintRange-error": {
    backgroundImage: "none",
    textDecoration: "underline wavy var(--iv-wrong)",
    textUnderlineOffset: "3px",
  },
  ".cm-foldPlaceholder": {
    backgroundColor: "var(--iv-surface-raised)",
    border: "1px solid var(--iv-line)",
    color: "var(--iv-ink-muted)",
  },
  ".cm-searchMatch": { backgroundColor: "color-mix(in srgb, var(--iv-limit) 30%, transparent)" },
});

const highlight = HighlightStyle.define([
  {
    tag: [t.keyword, t.modifier, t.controlKeyword, t.operatorKeyword],
    color: "var(--iv-code-keyword)",
  },
  { tag: [t.string, t.special(t.string), t.regexp, t.character], color: "var(--iv-code-string)" },
  { tag: [t.number, t.bool, t.null, t.atom], color: "var(--iv-code-number)" },
  {
    tag: [t.comment, t.lineComment, t.blockComment],
    color: "var(--iv-code-comment)",
    fontStyle: "italic",
  },
  {
    tag: [
      t.function(t.variableName),
      t.function(t.propertyName),
      t.definition(t.function(t.variableName)),
    ],
    color: "var(--iv-code-function)",
  },
  { tag: [t.typeName, t.className, t.namespace], color: "var(--iv-code-type)" },
  { tag: [t.propertyName], color: "var(--iv-code-property)" },
  { tag: [t.operator, t.punctuation, t.bracket], color: "var(--iv-code-punctuation)" },
  { tag: t.invalid, color: "var(--iv-wrong)" },
]);

export const editorTheme = [chrome, syntaxHighlighting(highlight)];
