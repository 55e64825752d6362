// What the browser tests share about the workspace: the bank's problems as files, and the editor.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const bankDir = new URL("../../../src/main/resources/bank/", import.meta.url).pathname;

// The bank's own reference solution for a problem: the test types it as the user would.
export function bankProblem(id) {
  for (const category of readdirSync(bankDir)) {
    const file = join(bankDir, category, `${id}.json`);
    try {
      return JSON.parse(readFileSync(file, "utf8"));
    } catch {
      // not in this category
    }
  }
  throw new Error(`problem ${id} not found under ${bankDir}`);
}

/** Activates the editor (it loads on interaction) and returns its content element. */
export async function editor(page) {
  const content = page.locator(".cm-content");
  if ((await content.count()) === 0) {
    await page.getByTestId("editor-preview").click();
  }
  await content.waitFor();
  return content;
}

export async function replaceCode(page, code) {
  const content = await editor(page);
  await content.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  // insertText bypasses auto-indent, so the solution keeps its own indentation.
  await page.keyboard.insertText(code);
}
