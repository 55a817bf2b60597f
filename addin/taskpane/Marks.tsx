import type { ReactNode } from "react";

/*
 * Fluent's tint Badge and horizontal Divider as the pane uses them, drawn by taskpane.css in the theme's own
 * variables: the same look without shipping every size, shape and appearance of both components to each officer.
 */

export type BadgeColor = "success" | "danger" | "warning" | "informative" | "subtle";

export function Badge({ color, className, children }: { color: BadgeColor; className?: string; children: ReactNode }) {
  return <div className={`kpi-badge kpi-badge-${color}${className ? ` ${className}` : ""}`}>{children}</div>;
}

export function Divider() {
  return <div role="separator" aria-orientation="horizontal" className="kpi-divider" />;
}
