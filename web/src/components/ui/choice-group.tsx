import { useId } from "react";

export interface Choice<T extends string> {
  id: T;
  label: string;
}

interface ChoiceGroupProps<T extends string> {
  /** Shown above the choices; also the group's accessible name. */
  label: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
  /** Chips wrap onto lines; a segmented control is one joined row. */
  look?: "chips" | "segmented";
}

const looks = {
  chips: {
    row: "flex flex-wrap gap-2",
    item: "rounded-full border px-3 py-1 has-[:focus-visible]:outline-offset-2",
    on: "border-accent bg-accent text-accent-ink",
    off: "border-line text-ink-muted hover:text-ink",
  },
  segmented: {
    // As tall as a text field, so it lines up with one in a row.
    row: "inline-flex h-8 w-fit overflow-hidden rounded-lg border border-line",
    // The row clips its corners, so the focus ring goes inside.
    item: "flex items-center px-4 has-[:focus-visible]:-outline-offset-2 [&+&]:border-l [&+&]:border-line",
    on: "bg-accent text-accent-ink",
    off: "text-ink-muted hover:bg-surface-raised hover:text-ink",
  },
} as const;

/**
 * One choice out of a few, as chips or a segmented control. Native radio buttons under each label
 * do the keyboard work (Tab into the group, arrow keys to move) and tell assistive technology
 * which one is chosen; they are transparent and cover their label, so a click lands on them.
 */
export function ChoiceGroup<T extends string>({
  label,
  choices,
  value,
  onChange,
  look = "chips",
}: ChoiceGroupProps<T>) {
  const id = useId();
  const style = looks[look];
  return (
    <div className="flex flex-col gap-1.5">
      <span id={`${id}label`} className="text-xs font-medium text-ink-muted">
        {label}
      </span>
      <div role="radiogroup" aria-labelledby={`${id}label`} className={style.row}>
        {choices.map((choice) => (
          <label
            key={choice.id}
            className={`relative cursor-pointer text-sm transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus ${style.item} ${value === choice.id ? style.on : style.off}`}
          >
            <input
              type="radio"
              name={id}
              value={choice.id}
              checked={value === choice.id}
              onChange={() => onChange(choice.id)}
              className="absolute inset-0 m-0 cursor-pointer appearance-none opacity-0"
            />
            {choice.label}
          </label>
        ))}
      </div>
    </div>
  );
}
