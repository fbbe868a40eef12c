/** Portal graph edges (ReactFlow `{source, target, label}`) ↔ step outcomes. */
import type { Outcome, Step } from '@tthc/core';
import type { PortalEdge } from '../formats/portal.js';
import { deepEqual } from '../native.js';
import { foldVietnamese } from '../normalize.js';
import { compact } from './shared.js';

function slug(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Outcomes of a node from its outgoing edges: one edge is `done`; several are named by label.
 * @example readOutcomes([{ source: 'a', target: 'b' }], 'a') // [{ name: 'done', next: 'b' }]
 */
export function readOutcomes(edges: readonly PortalEdge[], source: string): Outcome[] {
  const out = edges.filter((e) => e.source === source);
  const names = new Set<string>();
  return out.map((e) => {
    const base = out.length === 1 ? 'done' : slug(e.label ?? '') || `to-${e.target}`;
    let name = base;
    for (let n = 2; names.has(name); n++) name = `${base}-${n}`;
    names.add(name);
    return compact({ name, next: e.target, label: e.label });
  });
}

/**
 * Edges of the steps' outcomes: the original edges when no outcome changed, else rebuilt, reusing the
 * original edge object (id, style) of every unchanged transition.
 * @example writeEdges(process.steps, config.TruongHop[0].Edges)
 */
export function writeEdges(steps: readonly Step[], original: readonly PortalEdge[]): PortalEdge[] {
  const unchanged = steps.every((s) => deepEqual(readOutcomes(original, s.key), s.outcomes));
  const keys = new Set(steps.map((s) => s.key));
  if (unchanged && original.every((e) => keys.has(e.source))) return [...original];
  return steps.flatMap((s) =>
    s.outcomes
      .filter((o): o is Outcome & { next: string } => o.next !== null)
      .map((o) => {
        // An outcome name that is not "done" is kept as the edge label: edges have no other name.
        const label = o.label ?? (o.name === 'done' ? undefined : o.name);
        return (
          original.find((e) => e.source === s.key && e.target === o.next && e.label === label) ??
          compact({ source: s.key, target: o.next, label })
        );
      }),
  );
}
