import type { Story } from "@ladle/react";
import { Button } from "./button";
import { Panel } from "./panel";

export default { title: "UI / Panel" };

export const WithHeader: Story = () => (
  <Panel label="Console" actions={<Button size="sm">Clear</Button>} className="h-48 w-96">
    <p className="p-3 text-sm">Panel content scrolls inside the panel.</p>
  </Panel>
);

export const Bare: Story = () => (
  <Panel aria-label="Example" className="h-32 w-96">
    <p className="p-3 text-sm">A panel without a header bar.</p>
  </Panel>
);
