/*
 * The report's data → ECharts options. Pure, so they are tested without a canvas; the colours come
 * from a light or dark chart theme matching the app's. No titles, toolboxes or 3D: the panel
 * around each chart names it, the tooltip gives exact figures.
 */

export * from "./chart-options-breakdowns";
export * from "./chart-options-days";
export * from "./chart-options-theme";
