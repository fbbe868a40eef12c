import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eisoAdapter } from '../adapters/eiso.js';
import { portalAdapter } from '../adapters/portal.js';
import { diff } from '../diff/diff.js';
import { fixture } from '../match/fixtures.test-util.js';
import { apply } from './apply.js';
import { plan } from './plan.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are native JSON edited freely by the mutators.
type Doc = Record<string, any>;

const TIMES = ['30 phút', '01 giờ', '02 giờ', '0,5 ngày', '04 giờ', '01 ngày', '1,5 ngày', 'Không tính thời gian'];
const PERFORMERS = [
  'Công chức BPTN&TKQ',
  'Công chức Tư pháp - Hộ tịch',
  'Chủ tịch/Phó Chủ tịch UBND xã',
  'Công chức Văn phòng - Thống kê',
];

/** Random edits of the e-ISO work-flow table (times, performers, a dropped row) and of the portal (times, names). */
const edits = fc.record({
  isoTimes: fc.array(fc.option(fc.constantFrom(...TIMES), { nil: undefined }), { minLength: 5, maxLength: 5 }),
  isoPerformers: fc.array(fc.option(fc.constantFrom(...PERFORMERS), { nil: undefined }), {
    minLength: 5,
    maxLength: 5,
  }),
  dropRow: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  portalHours: fc.array(fc.option(fc.constantFrom(0.5, 1, 2, 3, 4, 8), { nil: undefined }), {
    minLength: 5,
    maxLength: 5,
  }),
});

function documents(e: typeof edits extends fc.Arbitrary<infer T> ? T : never) {
  const iso = fixture('eiso') as Doc;
  const portal = fixture('portal') as Doc;
  const rows = iso.NoiDung.QuyTrinhXuLy as Doc[];
  rows.forEach((r, i) => {
    if (e.isoTimes[i] !== undefined && i < 4) r.ThoiGian = e.isoTimes[i];
    if (e.isoPerformers[i] !== undefined) r.TrachNhiem = e.isoPerformers[i];
  });
  if (e.dropRow !== undefined) rows.splice(e.dropRow, 1);
  (portal.TruongHop[0].QuyTrinh as Doc[]).forEach((s, i) => {
    if (e.portalHours[i] !== undefined) s.ThoiGianXuLy = e.portalHours[i];
  });
  return { eiso: { raw: iso, adapter: eisoAdapter }, portal: { raw: portal, adapter: portalAdapter } };
}

describe('reconcile laws', () => {
  it('plan → apply → plan gives no patches and no drift, whatever the documents disagree on', () => {
    fc.assert(
      fc.property(edits, (e) => {
        const docs = documents(e);
        const first = plan(docs);
        const r = apply(first, docs);
        const second = plan({
          eiso: { ...docs.eiso, raw: r.documents.eiso },
          portal: { ...docs.portal, raw: r.documents.portal },
        });
        expect(second.patches).toEqual({ eiso: [], portal: [] });
        expect(second.drift).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('a process never differs from itself', () => {
    fc.assert(
      fc.property(edits, (e) => {
        const docs = documents(e);
        const iso = eisoAdapter.parse(docs.eiso.raw);
        expect(diff({ system: 'eiso', value: iso.value! }, { system: 'eiso', value: iso.value! })).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
