import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "../../../components/ui/button";
import { ChoiceGroup, type Choice } from "../../../components/ui/choice-group";
import { ApiError } from "../../../lib/api-client";
import {
  CATEGORIES,
  DIFFICULTIES,
  LANGUAGES,
  type Category,
  type Difficulty,
  type Language,
} from "../../../lib/closed-sets";
import { errorText } from "../../../lib/error-text";
import { loadLastLanguage, saveLastLanguage } from "../../../lib/last-language";
import { TOPIC_HINT_MAX, type GenerationRequest } from "../api/generation";
import { generatorQuery } from "../api/generator";
import { useStartGeneration } from "../hooks/use-start-generation";
import { loadLastChoice, saveLastChoice } from "../model/last-choice";
import { fallbackDifficultyLabel, resetWording } from "../model/wording";

/** The labels the server's catalog gives each id (any id it leaves out shows as itself). */
export interface GeneratorLabels {
  categories: readonly Choice<Category>[];
  difficulties: readonly Choice<Difficulty>[];
  languages: readonly Choice<Language>[];
}

interface GeneratorPanelProps {
  labels: GeneratorLabels;
  /** The request to start from (a generation being shown); else the last choice. */
  initial?: GenerationRequest;
  /** A generation is under way: Generate waits for it. */
  busy?: boolean;
}

interface FormState {
  category: Category;
  difficulty: Difficulty;
  language: Language;
  topicHint: string;
}

function initialState(initial: GenerationRequest | undefined): FormState {
  const last = initial ?? loadLastChoice();
  return {
    category: last?.category ?? CATEGORIES[0],
    difficulty: last?.difficulty ?? "easy",
    language: initial?.language ?? loadLastLanguage(),
    topicHint: initial?.topicHint ?? "",
  };
}

function choices<T extends string>(
  ids: readonly T[],
  labelled: readonly Choice<T>[],
  fallback: (id: T) => string = (id) => id,
): Choice<T>[] {
  return ids.map((id) => ({ id, label: labelled.find((c) => c.id === id)?.label ?? fallback(id) }));
}

/**
 * Asks for a fresh problem: category, difficulty, language and an optional topic hint. Under it,
 * where problems come from (the server's note) and today's quota. A refusal is shown under the
 * form, whose choices stay as they were.
 */
export function GeneratorPanel({ labels, initial, busy = false }: GeneratorPanelProps) {
  const [form, setForm] = useState(() => initialState(initial));
  const { start, pending, error } = useStartGeneration();
  const generator = useQuery(generatorQuery);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending || busy) return;
    const topicHint = form.topicHint.trim();
    saveLastChoice(form);
    saveLastLanguage(form.language);
    void start({
      category: form.category,
      difficulty: form.difficulty,
      language: form.language,
      ...(topicHint ? { topicHint } : {}),
    });
  };

  const buttonState = pending ? "starting" : busy ? "busy" : "";
  const field = "h-8 rounded-md border border-line bg-surface px-2.5 text-sm";
  const hintId = "generator-topic-hint";
  return (
    <section
      aria-labelledby="generator-heading"
      className="mt-6 rounded-lg border border-line bg-surface p-4"
    >
      <h2 id="generator-heading" className="text-sm font-semibold">
        Generate a problem
      </h2>
      <form onSubmit={submit} className="mt-3 flex flex-col gap-4">
        <ChoiceGroup
          label="Category"
          choices={choices(CATEGORIES, labels.categories)}
          value={form.category}
          onChange={(category) => set("category", category)}
        />
        <div className="flex flex-wrap items-end gap-4">
          <ChoiceGroup
            label="Difficulty"
            look="segmented"
            choices={choices(DIFFICULTIES, labels.difficulties, fallbackDifficultyLabel)}
            value={form.difficulty}
            onChange={(difficulty) => set("difficulty", difficulty)}
          />
          <label className="flex flex-col gap-1.5 text-xs font-medium text-ink-muted">
            Language
            <select
              value={form.language}
              onChange={(event) => set("language", event.target.value as Language)}
              className={`${field} font-normal text-ink`}
            >
              {choices(LANGUAGES, labels.languages).map((language) => (
                <option key={language.id} value={language.id}>
                  {language.label}
                </option>
              ))}
            </select>
          </label>
          <div className="flex min-w-48 flex-1 flex-col gap-1.5">
            <label htmlFor={hintId} className="text-xs font-medium text-ink-muted">
              Topic hint <span className="font-normal">(optional)</span>
            </label>
            <input
              id={hintId}
              type="text"
              value={form.topicHint}
              maxLength={TOPIC_HINT_MAX}
              onChange={(event) => set("topicHint", event.target.value)}
              placeholder="e.g. sliding window over a stream"
              autoComplete="off"
              className={field}
            />
          </div>
          <Button
            type="submit"
            variant="primary"
            disabled={busy || pending}
            aria-label={GENERATE_LABELS[buttonState]}
          >
            <GenerateLabel state={buttonState} />
          </Button>
        </div>
        {error && <RefusalText error={error} />}
      </form>
      <GeneratorNote
        note={generator.data?.note}
        used={generator.data?.usedToday}
        quota={generator.data?.dailyQuota}
      />
    </section>
  );
}

const GENERATE_LABELS = { "": "Generate", starting: "Starting…", busy: "Generating…" } as const;

/** All labels share one grid cell, so the button keeps its width whatever it says. */
function GenerateLabel({ state }: { state: keyof typeof GENERATE_LABELS }) {
  return (
    <span className="grid">
      {Object.entries(GENERATE_LABELS).map(([key, text]) => (
        <span
          key={key}
          className={`col-start-1 row-start-1 text-center ${state === key ? "" : "invisible"}`}
        >
          {text}
        </span>
      ))}
    </span>
  );
}

/** Why the server refused: a bad field (400), the daily quota (429), or anything else. */
function RefusalText({ error }: { error: Error }) {
  if (error instanceof ApiError && error.status === 429) {
    return (
      <div role="alert" className="text-sm text-verdict-limit">
        <p className="font-medium">Today's generations are used up.</p>
        <p className="mt-0.5">
          {error.message}
          {error.retryAfter !== undefined &&
            ` You can generate again ${resetWording(error.retryAfter)}.`}
        </p>
      </div>
    );
  }
  if (error instanceof ApiError && error.status === 400) {
    return (
      <p role="alert" className="text-sm text-verdict-wrong">
        {error.message}
      </p>
    );
  }
  const text = errorText(error);
  return (
    <div role="alert" className="text-sm text-verdict-wrong">
      <p className="font-medium">{text.title}</p>
      {(text.detail ?? text.advice) && <p className="mt-0.5">{text.detail ?? text.advice}</p>}
    </div>
  );
}

/** The server's note on where problems come from, and the quota. One line is kept for it. */
function GeneratorNote({ note, used, quota }: { note?: string; used?: number; quota?: number }) {
  return (
    <p className="mt-3 flex min-h-4 flex-wrap justify-between gap-x-4 gap-y-1 text-xs text-ink-muted">
      <span>{note}</span>
      {used !== undefined && quota !== undefined && (
        <span className={`tabular-nums ${used >= quota ? "text-verdict-limit" : ""}`}>
          {used} of {quota}
          <span className="sr-only"> generations</span> today
        </span>
      )}
    </p>
  );
}
