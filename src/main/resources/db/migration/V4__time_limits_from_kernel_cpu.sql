-- Time limits used to be derived from the wall time the harness measured inside the sandbox. They
-- are now derived from the kernel's CPU accounting of the run (the figure that decides a
-- candidate's time limit), so every problem is validated again: dropping the old results makes the
-- background validation redo them at the next start.
delete from problem_validation;
