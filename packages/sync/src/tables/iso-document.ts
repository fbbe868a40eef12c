/**
 * An ISO procedure document as agencies publish it (QĐ 101/QĐ-BKHCN framework layout, REFERENCE.md
 * §3.5) — a Word file or its HTML — read into the e-ISO document the `eiso` adapter understands:
 * the header (agency, procedure code, issue number and date), section 4 (abbreviations), section 5
 * (the time limit and the 5.x work-flow table), section 6 (forms). `tthc plan --eiso <folder>` reads
 * .docx and .html files through it.
 */
import { formatDuration } from '@tthc/calendar';
import type { EisoDocument } from '../formats/eiso.js';
import type { AdapterIssue } from '../issues.js';
import { readContext, report } from '../native.js';
import { type DecisionFormat, pickTable, readDecision } from './decision.js';
import { procedureCodeIn } from './document-facts.js';
import type { TableLimits } from './limits.js';
import { declaredTotal } from './totals.js';

/** Options of {@link readIsoDocument}. */
export interface IsoDocumentOptions {
  readonly format?: DecisionFormat;
  /** The agency (CoQuan) when the document does not name one in its header. */
  readonly agency?: string;
  readonly limits?: Partial<TableLimits>;
}

/** "QT-01/TP-HT", "QT.GĐ.01", "QT 02/CX-HCTP": a procedure document code. */
const DOC_CODE = /(?<![\p{L}\d])(QT[\s.-]*[\p{L}\d]+(?:[./-][\p{L}\d]+)*)/u;
const ISSUE = /lần\s+ban\s+hành\s*[:：]?\s*(\d{1,3})/iu;
const ISSUE_DATE = /ngày\s+ban\s+hành\s*[:：]?\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu;
const AGENCY = /^(ủy ban nhân dân|uỷ ban nhân dân|ubnd|sở|phòng|trung tâm|văn phòng|chi cục|cục|bộ|ban quản lý)\s/iu;
/** Form codes of section 6: "BM.TP.01", "Mẫu 01/TP-HT", "BM 02". */
const FORM = /^(?:[-+•]\s*)?((?:BM|Mẫu|Mẫu số)[\s.]*[\p{L}\d]+(?:[./-][\p{L}\d]+)*)\s*[:：.–-]?\s*(.*)$/u;

/**
 * Reads an ISO procedure document (DOCX bytes, or HTML/Markdown text) as an e-ISO document, and the
 * problems found (a field the document does not state is missing from the result; the `eiso`
 * adapter then names it). Never throws on bad input.
 * @example
 * const { document } = readIsoDocument(readFileSync('QT-02-CX-HCTP.docx'), { agency: 'UBND xã An Bình' });
 * eisoAdapter.parse(document).value?.steps.length
 */
export function readIsoDocument(
  input: string | Uint8Array,
  options: IsoDocumentOptions = {},
): { document: Partial<EisoDocument> & Record<string, unknown>; issues: AdapterIssue[] } {
  const ctx = readContext('table');
  const doc = readDecision(input, {
    ...(options.format ? { format: options.format } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const picked = doc.tables.length > 0 ? pickTable(doc, { table: 0 }) : undefined;
  const lines = doc.texts.flatMap((t) => t.split('\n')).map((l) => l.trim());
  const find = (re: RegExp) => {
    for (const l of lines) {
      const m = re.exec(l);
      if (m) return m;
    }
    return undefined;
  };
  const code = find(DOC_CODE)?.[1]?.replace(/\s+/g, ' ');
  const issue = find(ISSUE)?.[1];
  const date = find(ISSUE_DATE);
  const title = lines.find((l) => /^quy trình\s+\S/iu.test(l) && l.length > 12 && !DOC_CODE.test(l.slice(0, 12)));
  const agency = lines.find((l) => AGENCY.test(l) && l.length < 120) ?? options.agency;
  const tthc = lines.map(procedureCodeIn).find((c) => c !== undefined) ?? picked?.procedure.code;
  const limit = declaredTotal(doc.texts, []);
  const table = picked?.table;
  const steps =
    table?.rows.map((r) => {
      const group = r.group === undefined ? undefined : table.groups[r.group];
      // A merged time cell is one budget: the first step of the group carries it, the others none.
      const time = group && group.keys[0] !== r.key ? formatDuration({ amount: 0, unit: group.budget.unit }) : r.time;
      return {
        TT: r.key,
        TrinhTu: r.content,
        TrachNhiem: r.responsibility.replace(/\s*\n\s*/g, '; '),
        ThoiGian: time,
        ...(r.forms ? { BieuMau: r.forms } : {}),
      };
    }) ?? [];
  const forms = lines
    .map((l) => FORM.exec(l))
    .filter((m): m is RegExpExecArray => m !== null && m[2] !== undefined && m[2].length > 3)
    .map((m) => ({ MaBieuMau: m[1]!.trim(), TenBieuMau: m[2]!.trim() }));
  const uniqueForms = forms.filter((f, i) => forms.findIndex((g) => g.MaBieuMau === f.MaBieuMau) === i);
  const missing = (field: string, what: string) =>
    report(ctx, 'format.invalid', [field], `the ISO document does not state ${what}`, { severity: 'warning' });
  if (!code) missing('MaQuyTrinh', 'its procedure code ("QT-01/…")');
  if (!issue) missing('LanBanHanh', 'its issue number ("Lần ban hành: 01")');
  if (!date) missing('NgayBanHanh', 'its issue date ("Ngày ban hành: 07/7/2025")');
  if (!tthc) missing('MaTTHC', 'the TTHC code it implements ("Mã TTHC: 1.001193")');
  if (!table) missing('NoiDung', 'a work-flow table (TT | Trình tự | Trách nhiệm | Thời gian | Biểu mẫu)');
  const document: Partial<EisoDocument> & Record<string, unknown> = {
    ...(tthc ? { MaTTHC: tthc } : {}),
    ...(code ? { MaQuyTrinh: code } : {}),
    ...(title || picked?.procedure.name ? { TenQuyTrinh: title ?? picked!.procedure.name! } : {}),
    ...(issue ? { LanBanHanh: issue } : {}),
    ...(date ? { NgayBanHanh: `${date[1]!.padStart(2, '0')}/${date[2]!.padStart(2, '0')}/${date[3]}` } : {}),
    ...(agency ? { CoQuan: agency } : {}),
    DinhNghia: Object.entries(doc.abbreviations).map(([VietTat, GiaiThich]) => ({ VietTat, GiaiThich })),
    NoiDung: {
      ...(limit ? { ThoiGianXuLy: limit } : table?.totalText ? { ThoiGianXuLy: table.totalText } : {}),
      QuyTrinhXuLy: steps,
    },
    ...(uniqueForms.length > 0 ? { BieuMau: uniqueForms } : {}),
  };
  return { document, issues: [...doc.issues, ...ctx.issues, ...(table?.issues ?? [])] };
}
