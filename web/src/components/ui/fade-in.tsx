import { useAnimate } from "motion/react-mini";
import { useLayoutEffect, type HTMLAttributes, type ReactNode } from "react";

interface FadeInProps extends HTMLAttributes<HTMLElement> {
  as?: "div" | "li" | "section";
  /** Seconds before this element starts, for staggered lists. */
  delay?: number;
  /** Vertical travel in pixels (negative: from above). */
  distance?: number;
  /** Render in place without animating (e.g. the first panel on page load). */
  skip?: boolean;
  children: ReactNode;
}

const reducedMotion = () =>
  typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;

/**
 * Fades and slides an element in when it mounts, to show what just changed (a panel switched,
 * a result arrived). Runs on the compositor via the Web Animations API (motion's mini animate),
 * before the first paint of the element; with reduced motion it simply appears.
 */
export function FadeIn({
  as: Tag = "div",
  delay = 0,
  distance = 6,
  skip = false,
  children,
  ...props
}: FadeInProps) {
  const [scope, animate] = useAnimate<HTMLElement>();
  useLayoutEffect(() => {
    // Without the Web Animations API (old browsers, jsdom) the element simply appears.
    if (skip || reducedMotion() || typeof scope.current?.animate !== "function") return;
    animate(
      scope.current,
      { opacity: [0, 1], transform: [`translateY(${distance}px)`, "translateY(0px)"] },
      { duration: 0.18, delay, ease: "easeOut" },
    );
    // Only on mount: a new key makes a new element, and so a new entrance.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <Tag ref={scope as never} {...props}>
      {children}
    </Tag>
  );
}
