// The markdown renderer proper, a chunk of its own (markdown-loader.ts): react-markdown reads
// CommonMark and remark-gfm adds GitHub's tables, task lists, strikethrough and autolinks. It
// builds React elements and never raw HTML: raw HTML in the text shows as text. Every element is
// mapped below to the page's own classes (the theme's colours, so dark mode follows).

import { memo, useId, useMemo, type ComponentPropsWithoutRef, type JSX } from "react";
import ReactMarkdown, { type Components, type ExtraProps } from "react-markdown";
import remarkGfm from "remark-gfm";
import { linkTarget } from "../../lib/link-target";
import { planMarkdown } from "../../lib/markdown-limits";
import { rehypePowers, remarkCapNesting, remarkDisable } from "../../lib/markdown-plugins";

/** Renders one text; the wrapping box (spacing, wrapping) is the caller's (markdown.tsx). */
export const MarkdownRenderer = memo(function MarkdownRenderer({ source }: { source: string }) {
  const plan = useMemo(() => planMarkdown(source), [source]);
  // Footnote ids are prefixed per text, so two texts on one page do not share them.
  const id = useId().replace(/[^\w-]/g, "");
  const components = useMemo(() => elementsFor(plan.source), [plan.source]);
  if (plan.plain) return <div className="whitespace-pre-wrap">{source}</div>;
  return (
    <ReactMarkdown
      remarkPlugins={[remarkGfm, [remarkDisable, plan.disable], remarkCapNesting]}
      rehypePlugins={[rehypePowers]}
      remarkRehypeOptions={{ clobberPrefix: `user-content-${id}-` }}
      urlTransform={allowedUrl}
      components={components}
    >
      {plan.source}
    </ReactMarkdown>
  );
});

/** Only links keep a URL, and only one linkTarget allows; images load nothing. */
function allowedUrl(url: string, key: string): string | null {
  return key === "href" ? (linkTarget(url)?.href ?? null) : null;
}

type Props<Tag extends keyof JSX.IntrinsicElements> = ComponentPropsWithoutRef<Tag> & ExtraProps;

/** The props to pass on to the DOM: all but the syntax tree node, with our classes added. */
function domProps<P extends ExtraProps & { className?: string }>(
  props: P,
  className: string,
): Omit<P, "node"> {
  const { node, ...rest } = props;
  void node;
  return { ...rest, className: rest.className ? `${className} ${rest.className}` : className };
}

/** An element as the text spelled it: a link that may not be followed, or an image. */
function asWritten(source: string, node: ExtraProps["node"]) {
  const start = node?.position?.start.offset;
  const end = node?.position?.end.offset;
  return start === undefined || end === undefined ? "" : source.slice(start, end);
}

const CODE = "rounded bg-surface-raised px-1 font-mono text-[0.9em]";
const LINK = "text-accent underline";
const CELL = "border border-line px-2 py-1";

function elementsFor(source: string): Components {
  // Statement headings sit below the page's own h1/h2, so they start at h3.
  const heading = (Tag: "h3" | "h4" | "h5" | "h6") =>
    function Heading(props: Props<"h1">) {
      return <Tag {...domProps(props, "font-semibold")} />;
    };
  return {
    h1: heading("h3"),
    h2: heading("h4"),
    h3: heading("h5"),
    h4: heading("h6"),
    h5: heading("h6"),
    h6: heading("h6"),
    ul: (props) => (
      <ul
        {...domProps(
          props,
          props.className?.includes("contains-task-list") ? "pl-1" : "list-disc pl-6",
        )}
      />
    ),
    ol: (props) => <ol {...domProps(props, "list-decimal pl-6")} />,
    li: (props) => <li {...domProps(props, "space-y-1")} />,
    blockquote: (props) => (
      <blockquote {...domProps(props, "space-y-2 border-l-2 border-line pl-3 text-ink-muted")} />
    ),
    pre: (props) => (
      <pre
        {...domProps(
          props,
          "overflow-x-auto rounded-lg bg-surface-raised p-3 [&_code]:bg-transparent [&_code]:p-0",
        )}
      />
    ),
    code: (props) => <code {...domProps(props, CODE)} />,
    hr: (props) => <hr {...domProps(props, "border-line")} />,
    table: (props) => (
      // Focusable, so a table wider than the pane can be scrolled from the keyboard.
      <div tabIndex={0} className="overflow-x-auto wrap-break-word">
        <table {...domProps(props, "border-collapse text-left")} />
      </div>
    ),
    th: (props) => <th {...domProps(props, `${CELL} bg-surface-raised font-semibold`)} />,
    td: (props) => <td {...domProps(props, `${CELL} align-top`)} />,
    input: (props) =>
      props.type === "checkbox" ? (
        <input
          {...domProps(props, "mr-1.5 align-middle accent-accent")}
          disabled
          readOnly
          aria-label={props.checked ? "Done" : "Not done"}
        />
      ) : null,
    img: ({ node }) => asWritten(source, node),
    a: (props) => {
      const { href, children } = props;
      if (!href) return asWritten(source, props.node);
      if (!/^https?:/i.test(href)) return <a {...domProps(props, LINK)} />;
      return (
        <a {...domProps(props, LINK)} target="_blank" rel="noopener noreferrer nofollow">
          {children}
          <span aria-hidden="true"> ↗</span>
          <span className="sr-only"> (opens another site in a new tab)</span>
        </a>
      );
    },
  };
}
