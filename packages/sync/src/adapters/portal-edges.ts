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
  return outcomesOf(edges.filter((e) => e.source === source));
}

/**
 * Every node's outgoing edges, in edge order, for reading the outcomes of all nodes of a case.
 * @example edgesBySource(config.TruongHop[0].Edges).get('B1')
 */
export function edgesBySource(edges: readonly PortalEdge[]): Map<string, PortalEdge[]> {
  const out = new Map<string, PortalEdge[]>();
  for (const e of edges) {
    const list = out.get(e.source);
    if (list) list.push(e);
    else out.set(e.source, [e]);
  }
  return out;
}

/**
 * Outcomes of a node from its outgoing edges (see {@link readOutcomes}).
 * @example outcomesOf(edgesBySource(edges).get('B1') ?? [])
 */
export function outcomesOf(out: readonly PortalEdge[]): Outcome[] {
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
 * original edge object (id, style, unknown fields) of every unchanged transition, and of a rewired one
 * — an outgoing edge of the same node whose target or label changed keeps its `id` and other fields.
 * @example writeEdges(process.steps, config.TruongHop[0].Edges)
 */
export function writeEdges(steps: readonly Step[], original: readonly PortalEdge[]): PortalEdge[] {
  const outgoing = edgesBySource(original);
  const unchanged = steps.every((s) => deepEqual(outcomesOf(outgoing.get(s.key) ?? []), s.outcomes));
  const keys = new Set(steps.map((s) => s.key));
  if (unchanged && original.every((e) => keys.has(e.source))) return [...original];
  return steps.flatMap((s) => {
    const own = outgoing.get(s.key) ?? [];
    const wanted = s.outcomes
      .filter((o): o is Outcome & { next: string } => o.next !== null)
      // An outcome name that is not "done" is kept as the edge label: edges have no other name.
      .map((o) => ({ target: o.next, label: o.label ?? (o.name === 'done' ? undefined : o.name) }));
    const used = new Set<PortalEdge>();
    const exact = wanted.map((w) => {
      const e = own.find((x) => !used.has(x) && x.target === w.target && x.label === w.label);
      if (e) used.add(e);
      return e;
    });
    return wanted.map((w, i) => {
      if (exact[i]) return exact[i];
      // Rewired: the next unused edge of this node, in order, keeps its id and fields; target and label are new.
      const e = own.find((x) => !used.has(x));
      if (!e) return compact({ source: s.key, target: w.target, label: w.label });
      used.add(e);
      const { label: _old, ...rest } = e;
      return { ...rest, target: w.target, ...(w.label === undefined ? {} : { label: w.label }) } as PortalEdge;
    });
  });
}
