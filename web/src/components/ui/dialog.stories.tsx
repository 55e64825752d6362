import type { Story } from "@ladle/react";
import { useState } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";

export default { title: "UI / Dialog" };

export const Confirmation: Story = () => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Show example solution</Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Show the example solution?"
        actions={
          <>
            <Button onClick={() => setOpen(false)}>Not yet</Button>
            <Button variant="primary" onClick={() => setOpen(false)}>
              Show solution
            </Button>
          </>
        }
      >
        Your attempt will record that you viewed the solution.
      </Dialog>
    </>
  );
};
