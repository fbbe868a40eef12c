import { describe, expect, it } from 'vitest';
import { catalogueAdapter } from '../adapters/catalogue.js';
import { eisoAdapter } from '../adapters/eiso.js';
import { portalAdapter } from '../adapters/portal.js';
import { fixture } from '../match/fixtures.test-util.js';
import { apply } from './apply.js';
import { ReconcileError } from './errors.js';
import { planDigest } from './integrity.js';
import { type Plan, type PlanInputs, plan } from './plan.js';
import type { ReconcilePolicy } from './policy.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are native JSON edited freely by the mutators.
type Doc = Record<string, any>;

function inputs(mutate: { eiso?: (d: Doc) => void; portal?: (d: Doc) => void; catalogue?: (d: Doc) => void } = {}) {
  const [e, p, c] = [fixture('eiso') as Doc, fixture('portal') as Doc, fixture('catalogue') as Doc];
  mutate.eiso?.(e);
  mutate.portal?.(p);
  mutate.catalogue?.(c);
  return {
    catalogue: { raw: c, adapter: catalogueAdapter },
    eiso: { raw: e, adapter: eisoAdapter },
    portal: { raw: p, adapter: portalAdapter },
  } satisfies PlanInputs;
}

function applied(i: ReturnType<typeof inputs>, p: Plan) {
  const r = apply(p, i);
  return { ...i, eiso: { ...i.eiso, raw: r.documents.eiso }, portal: { ...i.portal, raw: r.documents.portal } };
}

/** A hand-edited plan whose digest was recomputed: the checks after the digest must still refuse it. */
function redigest(p: Omit<Plan, 'digest'>): Plan {
  return { ...p, digest: planDigest(p) } as Plan;
}

function errorOf(f: () => unknown): ReconcileError {
  try {
    f();
  } catch (e) {
    if (e instanceof ReconcileError) return e;
    throw e;
  }
  throw new Error('expected a ReconcileError');
}

const rows = (d: Doc) => d.NoiDung.QuyTrinhXuLy as Doc[];
const portalSteps = (d: Doc) => d.TruongHop[0].QuyTrinh as Doc[];

describe('plan', () => {
  it('e-ISO owns the steps: only the portal is patched, only in the fields that differ', () => {
    const i = inputs();
    const p = plan(i);
    expect(p.planVersion).toBe(2);
    expect(p.digest).toBe(planDigest(p));
    expect(p.createdFrom.eiso).toMatch(/^[0-9a-f]{64}$/);
    expect(p.createdFrom.catalogue).toMatch(/^[0-9a-f]{64}$/);
    expect(p.patches.eiso).toEqual([]);
    const touched = new Set(
      p.patches.portal.map((o) => `${o.op} ${o.path.replace(/\/\d+\//, '/i/').replace(/QuyTrinh\/\d+/, 'QuyTrinh/n')}`),
    );
    expect(touched).toEqual(
      new Set(['replace /TruongHop/i/QuyTrinh/n/TenBuocXuLy', 'replace /TruongHop/i/QuyTrinh/n/TenNhomNguoiDung']),
    );
    // Another case, unknown fields, edges and times that mean the same are left alone.
    expect(p.patches.portal.some((o) => o.path.startsWith('/TruongHop/1'))).toBe(false);
    expect(p.owners).toMatchObject({
      '/steps': 'eiso',
      '/totalLimit': 'eiso',
      '/steps/B2/budget': 'eiso',
      '/steps/B2/portalStatus': 'portal',
    });
    expect(new Set(p.drift.map((c) => c.code))).toEqual(new Set(['step.renamed', 'step.performer', 'step.kind']));
    expect(p.conflicts).toEqual([]);
    expect(p.checks).toEqual([]);
    // The merged process keeps the portal's technical fields with each step.
    expect(p.merged.steps[0]).toMatchObject({
      key: 'B1',
      portalStatus: 2,
      extensions: { portal: { NhomNguoiDungId: 'a3f1c2d4-0001' } },
    });
    expect(JSON.parse(JSON.stringify(p))).toEqual(JSON.parse(JSON.stringify(p)));
  });

  it('keeps the portal wording of a unit alias (Bộ phận Một cửa = Bộ phận tiếp nhận và trả kết quả)', () => {
    const p = plan(inputs());
    expect(p.patches.portal.some((o) => o.path.endsWith('/DonViXuLy'))).toBe(false);
  });

  it('a changed step time in e-ISO is written to the portal in hours', () => {
    const p = plan(inputs({ eiso: (d) => (rows(d)[1]!.ThoiGian = '01 ngày') }));
    expect(p.patches.portal).toContainEqual({ op: 'replace', path: '/TruongHop/0/QuyTrinh/1/ThoiGianXuLy', value: 8 });
    expect(p.drift.filter((c) => c.code === 'step.duration').map((c) => c.stepKey)).toEqual(['B2']);
  });

  it('policy.force gives a field to another owner', () => {
    const i = inputs({ eiso: (d) => (rows(d)[1]!.ThoiGian = '01 ngày') });
    const policy: ReconcilePolicy = { force: { '/steps/*/budget': 'portal' } };
    const p = plan(i, policy);
    expect(p.owners['/steps/B2/budget']).toBe('portal');
    expect(p.patches.portal.some((o) => o.path.endsWith('/ThoiGianXuLy'))).toBe(false);
    expect(p.patches.eiso).toEqual([
      { op: 'replace', path: '/NoiDung/QuyTrinhXuLy/1/ThoiGian', value: expect.any(String) },
    ]);
    const again = plan(applied(i, p), policy);
    expect(again.patches).toEqual({ eiso: [], portal: [] });
  });

  it('the catalogue owns the total only when forced', () => {
    const i = inputs();
    const p = plan(i, { force: { '/totalLimit': 'catalogue' } });
    expect(p.merged.totalLimit).toEqual({ amount: 1, unit: 'workingDay' });
    expect(p.patches.eiso.map((o) => o.path)).toEqual(['/NoiDung/ThoiGianXuLy']);
    const again = plan(applied(i, p), { force: { '/totalLimit': 'catalogue' } });
    expect(again.patches).toEqual({ eiso: [], portal: [] });
  });

  it('refuses a policy naming a field a system does not carry, or an unknown step', () => {
    expect(errorOf(() => plan(inputs(), { force: { '/steps/*/forms': 'portal' } })).code).toBe('INVALID_POLICY');
    expect(errorOf(() => plan(inputs(), { force: { '/steps/B9/name': 'portal' } })).message).toContain('B9');
    expect(errorOf(() => plan(inputs(), { force: { '/version': 'portal' } })).code).toBe('INVALID_POLICY');
  });

  it('refuses a document its adapter cannot read, naming the field', () => {
    const e = errorOf(() => plan(inputs({ portal: (d) => delete d.TruongHop })));
    expect(e.code).toBe('INVALID_DOCUMENT');
    expect(e.message).toContain('TruongHop');
  });

  it('reports catalogue checks of the merged process', () => {
    const p = plan(
      inputs({
        catalogue: (d) => {
          for (const c of d.CACHTHUCTHUCHIEN)
            Object.assign(c.THOIGIAN[0], { THOIGIANGIAIQUYET: 4, DONVITINH: 'Giờ làm việc' });
        },
      }),
    );
    expect(p.checks.map((c) => c.code)).toEqual(['total.exceedsLimit', 'total.exceedsLimit']);
    expect(p.checks[0]!.paths.a).toMatch(/^\/CACHTHUCTHUCHIEN\/\d\/THOIGIAN\/0$/);
  });

  it('reports a conflict when both systems changed a field since the base; the owner wins', () => {
    const first = inputs();
    const synced = applied(first, plan(first));
    const base = plan(synced).merged;
    const both = {
      ...synced,
      eiso: { ...synced.eiso, raw: structuredClone(synced.eiso.raw) as Doc },
      portal: { ...synced.portal, raw: structuredClone(synced.portal.raw) as Doc },
    };
    rows(both.eiso.raw)[1]!.ThoiGian = '01 ngày';
    portalSteps(both.portal.raw)[1]!.ThoiGianXuLy = 6;
    rows(both.eiso.raw)[2]!.ThoiGian = '03 giờ'; // only e-ISO changed: no conflict
    const p = plan({ ...both, base });
    expect(p.conflicts).toEqual([
      {
        path: '/steps/B2/budget',
        base: { amount: 4, unit: 'workingHour' },
        eiso: { amount: 1, unit: 'workingDay' },
        portal: { amount: 6, unit: 'workingHour' },
      },
    ]);
    expect(p.merged.steps[1]!.budget).toEqual({ amount: 1, unit: 'workingDay' });
  });
});

describe('apply', () => {
  it('plan → apply → plan is empty, and the inputs are not mutated', () => {
    const i = inputs();
    const before = structuredClone({ eiso: i.eiso.raw, portal: i.portal.raw });
    const p = plan(i);
    const r = apply(p, i);
    expect(i.eiso.raw).toEqual(before.eiso);
    expect(i.portal.raw).toEqual(before.portal);
    expect(r.applied.portal).toHaveLength(p.patches.portal.length);
    expect(r.processes.portal.steps.map((s) => s.name)).toEqual(r.processes.eiso.steps.map((s) => s.name));
    // Unknown fields survive.
    expect((r.documents.portal as Doc)['x-vendor']).toEqual(before.portal['x-vendor']);
    expect(portalSteps(r.documents.portal as Doc)[0]!.GuiSMS).toBe(true);
    const again = plan(applied(i, p));
    expect(again.patches).toEqual({ eiso: [], portal: [] });
    expect(again.drift).toEqual([]);
  });

  it('is idempotent after a step is added, removed and retimed in e-ISO', () => {
    const i = inputs({
      eiso: (d) => {
        rows(d).splice(3, 1);
        rows(d)[1]!.ThoiGian = '0,75 ngày';
        rows(d).push({
          TT: 6,
          TrinhTu: 'Lưu trữ hồ sơ',
          TrachNhiem: 'Công chức Văn phòng - Thống kê',
          ThoiGian: '01 giờ',
        });
      },
    });
    const p = plan(i);
    const codes = p.drift.map((c) => c.code);
    expect(codes).toContain('step.removed');
    expect(codes).toContain('step.added');
    const next = applied(i, p);
    expect(portalSteps(next.portal.raw as Doc).map((s) => s.Ma)).toEqual([
      'tiep-nhan',
      'tham-dinh',
      'phe-duyet',
      'cho-tra',
      'B6',
    ]);
    const again = plan(next);
    expect(again.patches).toEqual({ eiso: [], portal: [] });
    expect(again.drift).toEqual([]);
  });

  it('refuses a document changed since the plan; a key-order change is not a change', () => {
    const i = inputs();
    const p = plan(i);
    const tampered = structuredClone(i.portal.raw) as Doc;
    portalSteps(tampered)[1]!.ThoiGianXuLy = 5;
    const e = errorOf(() => apply(p, { ...i, portal: { ...i.portal, raw: tampered } }));
    expect(e.code).toBe('PLAN_STALE');
    expect(e.details).toMatchObject({ system: 'portal', expected: p.createdFrom.portal });
    const catalogue = { ...i.catalogue, raw: { ...i.catalogue.raw, TENTTHC: 'Khác' } };
    expect(errorOf(() => apply(p, { ...i, catalogue })).code).toBe('PLAN_STALE');
    const reordered = Object.fromEntries(Object.entries(i.eiso.raw).reverse());
    expect(() => apply(p, { ...i, eiso: { ...i.eiso, raw: reordered } })).not.toThrow();
  });

  it('refuses a __proto__ patch and leaves Object.prototype alone', () => {
    const i = inputs();
    const p = plan(i);
    const evil = redigest({
      ...p,
      patches: { ...p.patches, portal: [{ op: 'add', path: '/__proto__/polluted', value: 'yes' }] },
    });
    const e = errorOf(() => apply(evil, i));
    expect(e.code).toBe('PATCH_REJECTED');
    expect(e.message).toContain('/__proto__/polluted');
    expect(({} as Doc).polluted).toBeUndefined();
    const ctor = redigest({
      ...p,
      patches: { ...p.patches, eiso: [{ op: 'add', path: '/constructor/prototype/polluted', value: 'yes' }] },
    });
    expect(errorOf(() => apply(ctor, i)).code).toBe('PATCH_REJECTED');
  });

  it('refuses an unknown plan version and a patch that does not fit the document', () => {
    const i = inputs();
    const p = plan(i);
    expect(errorOf(() => apply({ ...p, planVersion: 1 } as unknown as Plan, i)).code).toBe('PLAN_UNSUPPORTED');
    const bad = redigest({ ...p, patches: { ...p.patches, eiso: [{ op: 'replace', path: '/Khong/Co', value: 1 }] } });
    expect(errorOf(() => apply(bad, i)).code).toBe('PATCH_REJECTED');
  });
});
