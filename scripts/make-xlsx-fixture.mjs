// Writes packages/sync/src/__fixtures__/birth-registration.steps.xlsx with a real spreadsheet writer
// (exceljs), so the XLSX reader is tested on a workbook it did not write itself. Run:
//   node scripts/make-xlsx-fixture.mjs
// Sheet "Quy trình" holds the same steps as birth-registration.steps.csv under an ISO title block;
// sheet "Liên thông" holds a joined-up process with a merged time cell (one budget for two agencies)
// and a total row, the same content as birth-registration-lien-thong.steps.csv (its CSV export).
// The zip entries carry the time of writing, so a re-run changes the bytes but not the content:
// commit a re-generated file only when the content changed.
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const out = fileURLToPath(new URL('../packages/sync/src/__fixtures__/birth-registration.steps.xlsx', import.meta.url));
const HEADER = ['TT', 'Nội dung công việc', 'Trách nhiệm', 'Thời gian', 'Biểu mẫu/Kết quả'];
const wrap = { wrapText: true, vertical: 'middle' };
const border = { style: 'thin' };

/** The title block an ISO 9001 procedure starts with (TCVN ISO 9001:2015, documented information). */
function titleBlock(ws, title, code) {
  ws.getCell('A1').value = 'ỦY BAN NHÂN DÂN\nXÃ AN BÌNH';
  ws.mergeCells('A1:B3');
  ws.getCell('C1').value = title;
  ws.mergeCells('C1:D3');
  ws.getCell('E1').value = `Mã hiệu: ${code}`;
  ws.getCell('E2').value = 'Lần ban hành: 01';
  ws.getCell('E3').value = 'Ngày ban hành: 15/9/2025';
  ws.getCell('A5').value = '5. NỘI DUNG QUY TRÌNH';
  ws.mergeCells('A5:E5');
  const header = ws.getRow(6);
  header.values = HEADER;
  header.font = { bold: true };
  for (const [i, width] of [8, 48, 28, 14, 18].entries()) ws.getColumn(i + 1).width = width;
  for (const row of [1, 2, 3]) ws.getRow(row).alignment = wrap;
}

function boxed(ws, fromRow, toRow) {
  for (let r = fromRow; r <= toRow; r++) {
    for (let c = 1; c <= 5; c++) {
      const cell = ws.getCell(r, c);
      cell.border = { top: border, left: border, bottom: border, right: border };
      cell.alignment = wrap;
    }
  }
}

const wb = new ExcelJS.Workbook();
wb.creator = 'tthc';
wb.created = new Date('2025-09-15T00:00:00Z');
wb.modified = new Date('2025-09-15T00:00:00Z');

// Sheet 1: the steps of birth-registration.steps.csv.
const steps = wb.addWorksheet('Quy trình');
titleBlock(steps, 'QUY TRÌNH\nĐĂNG KÝ KHAI SINH', 'QT-HT-01');
steps.addRow([
  'Bước 1',
  'Tiếp nhận hồ sơ, kiểm tra tính đầy đủ, hợp lệ; lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  'Công chức Bộ phận Một cửa',
  '30 phút',
  'Mẫu 01; Mẫu 05',
]);
steps.addRow([
  'Bước 2',
  {
    // A rich-text cell: Excel keeps it as runs <r><t> in the shared strings.
    richText: [
      { font: { bold: true }, text: 'Thẩm định hồ sơ; ' },
      { text: 'ghi nội dung khai sinh vào Sổ đăng ký khai sinh, "Cơ sở dữ liệu hộ tịch điện tử"' },
    ],
  },
  'Công chức Tư pháp - Hộ tịch',
  '04 giờ',
  'Mẫu 05',
]);
// The time as a number cell: 0,25 (working days) as a Vietnamese-locale sheet shows it.
steps.addRow([
  'Bước 3',
  'Ký Giấy khai sinh.\nNếu không đồng ý thì chuyển lại Bước 2',
  'Chủ tịch/Phó Chủ tịch UBND xã',
  0.25,
  'Giấy khai sinh',
]);
steps.getCell('D9').numFmt = '0.00';
steps.addRow([
  'Bước 4',
  'Vào sổ, đóng dấu; chuyển kết quả cho Bộ phận Một cửa',
  'Công chức Văn phòng - Thống kê',
  '01 giờ',
  'Mẫu 05',
]);
steps.addRow([
  'Bước 5',
  'Trả kết quả cho người yêu cầu',
  'Công chức Bộ phận Một cửa',
  'Không tính thời gian',
  'Mẫu 06',
]);
boxed(steps, 6, 11);

// Sheet 2: a joined-up process (liên thông) where two agencies share one merged time cell.
const joined = wb.addWorksheet('Liên thông');
titleBlock(joined, 'QUY TRÌNH LIÊN THÔNG\nĐĂNG KÝ KHAI SINH - ĐĂNG KÝ THƯỜNG TRÚ - CẤP THẺ BHYT', 'QT-LT-01');
joined.addRow([
  'Bước 1',
  'Tiếp nhận hồ sơ điện tử, kiểm tra tính đầy đủ, hợp lệ',
  'Công chức Bộ phận Một cửa',
  '04 giờ',
  'Mẫu 01',
]);
joined.addRow([
  'Bước 2',
  'Đăng ký khai sinh; chuyển hồ sơ liên thông',
  'Công chức Tư pháp - Hộ tịch',
  0.5,
  'Giấy khai sinh',
]);
joined.addRow(['Bước 3.1', 'Đăng ký thường trú cho trẻ em', 'Công an xã', '05 ngày làm việc', 'Mẫu CT01']);
joined.addRow(['Bước 3.2', 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', 'Bảo hiểm xã hội tỉnh', null, 'Thẻ BHYT']);
joined.mergeCells('D9:D10');
joined.addRow([
  'Bước 4',
  'Trả kết quả cho người yêu cầu',
  'Công chức Bộ phận Một cửa',
  'Không tính thời gian',
  'Mẫu 06',
]);
joined.addRow(['Tổng thời gian giải quyết', null, null, '06 ngày làm việc', null]);
joined.mergeCells('A12:C12');
boxed(joined, 6, 12);

await wb.xlsx.writeFile(out);
console.log(`wrote ${out}`);
