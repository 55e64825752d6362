import type { Story } from "@ladle/react";
import { useState } from "react";
import { Panel } from "./panel";
import { Tabs } from "./tabs";

export default { title: "UI / Tabs" };

type Tab = "description" | "hints" | "solution";

export const ProblemTabs: Story = () => {
  const [tab, setTab] = useState<Tab>("description");
  return (
    <Panel aria-label="Problem" className="h-64 w-[28rem]">
      <Tabs<Tab>
        label="Problem"
        idBase="story"
        value={tab}
        onChange={setTab}
        items={[
          { id: "description", label: "Description" },
          { id: "hints", label: "Hints", note: "1/3" },
          { id: "solution", label: "Solution" },
        ]}
      >
        <p className="p-4 text-sm">
          The {tab} panel. Focus a tab and use the arrow keys, Home and End.
        </p>
      </Tabs>
    </Panel>
  );
};
