import { Component, Fragment, useMemo, type ReactNode } from "react";
import { parseMarkdown, type Block } from "../../lib/markdown";
import type { Inline } from "../../lib/markdown-inline";

/**
 * Renders untrusted markdown as React elements: raw HTML is never interpreted (it shows as text),
 * links go only to this site or, marked as external, to http(s) URLs, and text that cannot be
 * rendered shows as written instead of taking the page down.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <MarkdownBoundary source={children}>
      <MarkdownBody source={children} />
    </MarkdownBoundary>
  );
}

function MarkdownBody({ source }: { source: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div className="markdown space-y-3 leading-relaxed wrap-anywhere [&_code]:rounded [&_code]:bg-surface-raised [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.9em] [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-surface-raised [&_pre]:p-3 [&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:list-decimal [&_ol]:pl-6 [&_a]:text-accent [&_a]:underline">
      {blocks.map(renderBlock)}
    </div>
  );
}

interface BoundaryProps {
  source: string;
  children: ReactNode;
}

/** Shows the raw text if rendering it throws; a new text gets a fresh try. */
class MarkdownBoundary extends Component<BoundaryProps, { source: string; failed: boolean }> {
  state = { source: this.props.source, failed: false };

  static getDerivedStateFromProps(props: BoundaryProps, state: { source: string }) {
    return props.source === state.source ? null : { source: props.source, failed: false };
  }

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="space-y-2 rounded-lg border border-line p-3 text-sm">
        <p className="text-ink-muted">
          This part of the problem could not be displayed. Here it is as written:
        </p>
        <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-words font-mono text-xs">
          {this.props.source}
        </pre>
      </div>
    );
  }
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.kind) {
    case "paragraph":
      return <p key={key}>{block.children.map(renderInline)}</p>;
    case "heading": {
      // Statement headings sit below the page's own h1/h2, so they start at h3.
      const Tag = (["h3", "h4", "h5", "h6"] as const)[Math.min(block.level, 4) - 1]!;
      return (
        <Tag key={key} className="font-semibold">
          {block.children.map(renderInline)}
        </Tag>
      );
    }
    case "code":
      return (
        <pre key={key}>
          <code>{block.text}</code>
        </pre>
      );
    case "list": {
      const items = block.items.map((item, i) => <li key={i}>{item.map(renderInline)}</li>);
      return block.ordered ? (
        <ol key={key} start={block.start === 1 ? undefined : block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case "quote":
      return (
        <blockquote key={key} className="border-l-2 border-line pl-3 text-ink-muted">
          {block.children.map(renderBlock)}
        </blockquote>
      );
  }
}

function renderInline(inline: Inline, key: number): ReactNode {
  switch (inline.kind) {
    case "text":
      return <Fragment key={key}>{withPowers(inline.text)}</Fragment>;
    case "code":
      return <code key={key}>{inline.text}</code>;
    case "strong":
      return <strong key={key}>{inline.children.map(renderInline)}</strong>;
    case "em":
      return <em key={key}>{inline.children.map(renderInline)}</em>;
    case "link":
      if (!inline.external) {
        return (
          <a key={key} href={inline.href}>
            {inline.children.map(renderInline)}
          </a>
        );
      }
      return (
        <a key={key} href={inline.href} target="_blank" rel="noopener noreferrer nofollow">
          {inline.children.map(renderInline)}
          <span aria-hidden="true"> ↗</span>
          <span className="sr-only"> (opens another site in a new tab)</span>
        </a>
      );
    case "break":
      return <br key={key} />;
  }
}

// `10^5` in a bound is a power: the exponent of a digit-caret-digit run is set as a superscript.
// Only in text, so code (`a ^ b`, `x^2` in a snippet) keeps its caret. The caret stays in the DOM,
// visually hidden, so a copied bound still reads "10^5".
const POWER = /(?<=\d)\^(\d+)/;

function withPowers(text: string): ReactNode {
  if (!text.includes("^")) return text;
  const parts = text.split(POWER);
  if (parts.length === 1) return text;
  // split() with a capture group alternates text and exponent: odd indices are exponents.
  return parts.map((part, i) =>
    i % 2 === 0 ? (
      part
    ) : (
      <Fragment key={i}>
        <span className="sr-only">^</span>
        <sup>{part}</sup>
      </Fragment>
    ),
  );
}
