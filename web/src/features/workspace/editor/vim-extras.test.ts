import { history } from "@codemirror/commands";
import { EditorState, Transaction } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { Vim, getCM, vim } from "@replit/codemirror-vim";
import { afterEach, describe, expect, it, vi } from "vitest";
import { saveCommand } from "./save-command";
import { vimInsertAsOneChange, vimWrite, type VimAdapter } from "./vim-extras";

// jsdom does not lay out text; CodeMirror measures ranges when Vim opens its command line.
Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
Range.prototype.getBoundingClientRect ??= () => new DOMRect();

const views: EditorView[] = [];
afterEach(() => views.splice(0).forEach((view) => view.destroy()));

function editor(doc: string, onSave = () => {}, withGrouping = true) {
  const adapter = (view: EditorView) => getCM(view) as VimAdapter | null;
  const view = new EditorView({
    state: EditorState.create({
      doc,
      extensions: [
        vim(),
        withGrouping ? vimInsertAsOneChange(adapter) : [],
        history(),
        saveCommand.of(onSave),
      ],
    }),
    parent: document.body,
  });
  views.push(view);
  const cm = getCM(view)!;
  // Each key in a task of its own, as the browser delivers them.
  const keys = async (...sequence: string[]) => {
    for (const key of sequence) {
      await Promise.resolve();
      Vim.handleKey(cm, key, "user");
    }
  };
  // Typing as the browser's input does it: one character per transaction, after a pause to think,
  // then 100 ms apart.
  let clock = 1_000_000;
  const type = async (text: string) => {
    clock += 1500;
    for (const char of text) {
      await Promise.resolve();
      clock += 100;
      const at = view.state.selection.main.head;
      view.dispatch({
        changes: { from: at, insert: char },
        selection: { anchor: at + 1 },
        userEvent: "input.type",
        annotations: Transaction.time.of(clock),
      });
    }
  };
  return { view, cm, keys, type, text: () => view.state.doc.toString() };
}

describe("Vim undo", () => {
  it("undoes ciw and the text typed after it with one u", async () => {
    const e = editor("const seen = new Set()");
    await e.keys("w", "c", "i", "w");
    expect(e.text()).toBe("const  = new Set()");
    await e.type("visited");
    await e.keys("<Esc>");
    expect(e.text()).toBe("const visited = new Set()");
    await e.keys("u");
    expect(e.text()).toBe("const seen = new Set()");
  });

  it("without the grouping, CodeMirror's history needs a second u (the bug this fixes)", async () => {
    const e = editor("const seen = new Set()", () => {}, false);
    await e.keys("w", "c", "i", "w");
    await e.type("visited");
    await e.keys("<Esc>", "u");
    expect(e.text()).toBe("const  = new Set()");
  });

  it("keeps an insert that did not start with a change apart from the edit before it", async () => {
    const e = editor("abc");
    await e.keys("x");
    expect(e.text()).toBe("bc");
    await e.keys("i");
    await e.type("XY");
    await e.keys("<Esc>");
    expect(e.text()).toBe("XYbc");
    await e.keys("u");
    expect(e.text()).toBe("bc");
    await e.keys("u");
    expect(e.text()).toBe("abc");
  });

  it("makes two insert sessions two undo steps", async () => {
    const e = editor("one");
    await e.keys("A");
    await e.type(" two");
    await e.keys("<Esc>", "A");
    await e.type(" three");
    await e.keys("<Esc>", "u");
    expect(e.text()).toBe("one two");
  });
});

describe(":w", () => {
  it("runs the editor's save command", async () => {
    const onSave = vi.fn();
    const e = editor("x", onSave);
    Vim.defineEx("write", "w", (cm: VimAdapter) => vimWrite(cm));
    // What the command line runs once `:w` and Enter are typed into it.
    const cm = e.cm as Parameters<typeof Vim.handleEx>[0];
    Vim.handleEx(cm, "w");
    Vim.handleEx(cm, "write");
    expect(onSave).toHaveBeenCalledTimes(2);
  });
});
