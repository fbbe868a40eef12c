/** Reports of simulations and replays: self-contained HTML with inline SVG charts, and Markdown. */
export { renderSimulationHtml, workingMinutes, type RenderSimulationHtmlOptions } from './simulation-html.js';
export { renderReplayHtml, DEVIATION_LABELS, type RenderReplayHtmlOptions } from './replay-html.js';
export { renderSimulationMarkdown, markdownCell } from './markdown.js';
export {
  leadTimeHistogram,
  histogramBins,
  quantileBins,
  type LeadTimeHistogram,
  type LeadTimeHistogramOptions,
} from './histogram.js';
export { escapeHtml } from './html.js';
export type { HistogramBin } from './svg.js';
