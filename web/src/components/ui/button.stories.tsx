import type { Story } from "@ladle/react";
import { Button, Kbd } from "./button";

export default { title: "UI / Button" };

export const Variants: Story = () => (
  <div className="flex flex-wrap items-center gap-2">
    <Button variant="primary">
      Run <Kbd>Ctrl Enter</Kbd>
    </Button>
    <Button>Secondary</Button>
    <Button variant="ghost">Ghost</Button>
    <Button variant="danger">Reset to starter code</Button>
    <Button disabled>Disabled</Button>
    <Button size="sm">Small</Button>
  </div>
);

export const Toggle: Story<{ pressed: boolean }> = ({ pressed }) => (
  <Button variant={pressed ? "primary" : "secondary"} aria-pressed={pressed}>
    Vim
  </Button>
);
Toggle.args = { pressed: true };
