import type { Story } from "@ladle/react";
import { useState } from "react";
import { Splitter } from "./splitter";

export default { title: "UI / Splitter" };

export const SideBySide: Story = () => {
  const [left, setLeft] = useState(40);
  return (
    <div className="flex h-48 w-[36rem]">
      <div
        id="story-left"
        style={{ width: `${left}%` }}
        className="rounded-lg border border-line bg-surface p-3 text-sm"
      >
        {Math.round(left)}%
      </div>
      <Splitter
        orientation="vertical"
        value={left}
        min={20}
        max={80}
        onChange={setLeft}
        label="Resize the panes"
        controls="story-left"
      />
      <div className="flex-1 rounded-lg border border-line bg-surface p-3 text-sm">
        Drag or use the arrow keys.
      </div>
    </div>
  );
};

export const Stacked: Story = () => {
  const [top, setTop] = useState(60);
  return (
    <div className="flex h-72 w-96 flex-col">
      <div
        id="story-top"
        style={{ height: `${top}%` }}
        className="rounded-lg border border-line bg-surface p-3 text-sm"
      >
        Editor {Math.round(top)}%
      </div>
      <Splitter
        orientation="horizontal"
        value={top}
        min={20}
        max={85}
        onChange={setTop}
        label="Resize the editor and the console"
        controls="story-top"
      />
      <div className="flex-1 rounded-lg border border-line bg-surface p-3 text-sm">Console</div>
    </div>
  );
};
