/** The practice pages' heading: the home page and a generation's page share it, so nothing moves. */
export function PracticeHeading() {
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Practice</h1>
      <p className="mt-1 text-sm text-ink-muted">
        Generate a problem or pick one from the list; every problem is validated by running its
        reference solutions.
      </p>
    </>
  );
}
