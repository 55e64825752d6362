import { Component, lazy, memo, Suspense, type ComponentType, type ReactNode } from "react";
import { loadedMarkdownRenderer, loadMarkdownRenderer } from "./markdown-loader";

// The renderer is its own chunk (markdown-loader.ts). Until it has arrived the text shows as
// written, wrapped in the same box, so the page is whole at once and swaps in the formatting; if
// the chunk cannot be loaded, the text stays as written.
const LazyRenderer = lazy<ComponentType<{ source: string }>>(() =>
  loadMarkdownRenderer().then(
    (module) => ({ default: module.MarkdownRenderer }),
    () => ({ default: PlainText }),
  ),
);

function PlainText({ source }: { source: string }) {
  return <div className="whitespace-pre-wrap">{source}</div>;
}

/**
 * Renders untrusted markdown (CommonMark with GitHub's tables, task lists, strikethrough and
 * autolinks) as React elements: raw HTML is never interpreted (it shows as text), links go only
 * to this site, to mailto: or, marked as external, to http(s) URLs, and text that cannot be
 * rendered shows as written instead of taking the page down.
 */
export const Markdown = memo(function Markdown({ children }: { children: string }) {
  const Renderer = loadedMarkdownRenderer()?.MarkdownRenderer ?? LazyRenderer;
  return (
    <MarkdownBoundary source={children}>
      <div className="markdown space-y-3 leading-relaxed wrap-anywhere">
        <Suspense fallback={<PlainText source={children} />}>
          <Renderer source={children} />
        </Suspense>
      </div>
    </MarkdownBoundary>
  );
});

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
