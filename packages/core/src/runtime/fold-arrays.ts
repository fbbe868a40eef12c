/**
 * Appending to the ledger's lists in amortised constant time while {@link applyAll} folds events.
 * `apply` returns a new dossier and never changes its input, so each event used to copy the event
 * list and the visit list: a fold of n events copied O(n²) entries and 30k events took minutes in
 * the garbage collector (issue 12). During a fold the intermediate dossiers are seen by no caller, so
 * a list created by the fold itself may be extended in place; a list the caller handed in (or any
 * list outside a fold) is still copied first. Internal to the runtime.
 */

/** Lists created by the fold running now (undefined outside a fold). */
let owned: WeakSet<readonly unknown[]> | undefined;

/**
 * Runs `fold` with in-place appends allowed on the lists it creates.
 * @example const d = inFold(() => events.reduce(apply, d0));
 */
export function inFold<T>(fold: () => T): T {
  const outer = owned;
  owned = outer ?? new WeakSet();
  try {
    return fold();
  } finally {
    owned = outer;
  }
}

function own<T>(list: T[]): T[] {
  owned?.add(list);
  return list;
}

/**
 * `[...list, item]`, reusing `list` when the running fold created it.
 * @example appended(ledger.flags, flag)
 */
export function appended<T>(list: readonly T[], item: T): readonly T[] {
  if (owned?.has(list)) {
    (list as T[]).push(item);
    return list;
  }
  return own([...list, item]);
}

/**
 * A copy of `list` with `list[index]` replaced (`list` itself when the running fold created it).
 * @example replacedAt(ledger.steps, i, { ...ledger.steps[i], doneAt: at })
 */
export function replacedAt<T>(list: readonly T[], index: number, item: T): readonly T[] {
  if (owned?.has(list)) {
    (list as T[])[index] = item;
    return list;
  }
  const out = [...list];
  out[index] = item;
  return own(out);
}
