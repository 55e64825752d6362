import type { Story } from "@ladle/react";
import { useState } from "react";
import { ChoiceGroup } from "./choice-group";

export default { title: "UI / Choice group" };

export const ChipsAndSegmented: Story = () => {
  const [topic, setTopic] = useState("graphs");
  const [level, setLevel] = useState("medium");
  return (
    <div className="flex w-[32rem] flex-col gap-4 p-4">
      <ChoiceGroup
        label="Category"
        value={topic}
        onChange={setTopic}
        choices={[
          { id: "arrays-hashing", label: "Arrays & hashing" },
          { id: "graphs", label: "Graphs" },
          { id: "trees", label: "Trees" },
          { id: "dynamic-programming", label: "Dynamic programming" },
        ]}
      />
      <ChoiceGroup
        label="Difficulty"
        look="segmented"
        value={level}
        onChange={setLevel}
        choices={[
          { id: "easy", label: "Easy" },
          { id: "medium", label: "Medium" },
          { id: "hard", label: "Hard" },
        ]}
      />
      <p className="text-sm text-ink-muted">
        Tab into a group, then the arrow keys move the choice.
      </p>
    </div>
  );
};
