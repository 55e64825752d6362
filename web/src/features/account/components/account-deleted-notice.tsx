import { useEffect, useState } from "react";
import { DELETED_NOTICE, deletedPending, forgetDeleted } from "../model/deleted-notice";

/** "Your account and data were deleted", once, on the page a deletion lands on. */
export function AccountDeletedNotice() {
  // Read on the first render and cleared after it, so a reload or a later visit does not repeat it.
  const [shown] = useState(deletedPending);
  useEffect(() => forgetDeleted(), []);
  if (!shown) return null;
  return (
    <p role="status" className="mt-4 rounded-md border border-line bg-surface px-3 py-2 text-sm">
      {DELETED_NOTICE}
    </p>
  );
}
