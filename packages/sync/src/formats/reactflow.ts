/**
 * `reactflow` format: one case (`TruongHopThuTuc` row) of a Thanh Hóa-style one-stop system
 * (HuanVu201/DichVuCong_KhoaLuan_PASETO, TD.DichVuCongApi), whose process is kept as ReactFlow JSON
 * in two columns, `NodeQuyTrinh` and `EdgeQuyTrinh` — JSON text as the database holds it, or already
 * parsed. Nodes `{ id, type: startNode | custom | endNode, position, data: QuyTrinhXuLyLowerCase }`,
 * edges `{ source, target, label, sourceHandle, type }`; times are hours (`thoiGianXuLy`,
 * `ThoiGianThucHien`) with their `loaiThoiGian` ("Ngày làm việc" | "Ngày"); `maTrangThaiHoSo` is the
 * DVCQG status code as text. There is no MaTTHC/DonVi wrapper: the TTHC code is the row's `ThuTucId`
 * (the catalogue import sets it to MaTTHC) or a `MaTTHC` column when the export joins one.
 */
import * as z from 'zod';
import { NumberLikeSchema } from './catalogue.js';

const Text = z.string().nullish();

/** `data` of a node (C# `QuyTrinhXuLyLowerCase`). */
export const ReactFlowNodeDataSchema = z
  .looseObject({
    tenBuocXuLy: z.string().meta({ description: 'Step name.' }),
    thoiGianXuLy: NumberLikeSchema.meta({ description: 'Step time in hours (8 h = 1 day).' }),
    thoiGianThucHienTrucTuyen: NumberLikeSchema.nullish().meta({ description: 'Online-channel hours (kept).' }),
    loaiThoiGian: Text.meta({ description: '"Ngày làm việc" or "Ngày" (calendar days).' }),
    tenNhomNguoiDung: Text.meta({ description: 'Performer user group (role).' }),
    nhomNguoiDungId: Text,
    maTrangThaiHoSo: z.union([z.string(), z.number()]).nullish().meta({ description: 'DVCQG status code.' }),
    tenTrangThaiHoSo: Text,
  })
  .meta({ description: 'QuyTrinhXuLy of a node.' });

export const ReactFlowNodeSchema = z
  .looseObject({
    id: z.string().meta({ description: 'Node id (QuyTrinhXuLy.Id, a GUID).' }),
    type: Text.meta({ description: 'startNode (first step), custom, endNode.' }),
    data: ReactFlowNodeDataSchema,
  })
  .meta({ description: 'A ReactFlow node: one step.' });

export const ReactFlowEdgeSchema = z
  .looseObject({
    source: z.string(),
    target: z.string(),
    label: Text.meta({ description: 'Action label, e.g. "Chuyển xử lý".' }),
  })
  .meta({ description: 'A ReactFlow edge: one action between two steps.' });

export const ReactFlowNodesSchema = z.array(ReactFlowNodeSchema).min(1);
export const ReactFlowEdgesSchema = z.array(ReactFlowEdgeSchema);

/** A `TruongHopThuTuc` row. */
export const ReactFlowCaseSchema = z
  .looseObject({
    NodeQuyTrinh: z.union([z.string(), z.array(z.unknown())]).meta({ description: 'Nodes: JSON text or array.' }),
    EdgeQuyTrinh: z
      .union([z.string(), z.array(z.unknown())])
      .nullish()
      .meta({ description: 'Edges: JSON text or array.' }),
    ThoiGianThucHien: NumberLikeSchema.nullish().meta({ description: 'Case total in hours.' }),
    LoaiThoiGianThucHien: Text.meta({ description: '"Ngày làm việc" or "Ngày".' }),
    ThoiGianThucHienTrucTuyen: NumberLikeSchema.nullish(),
    ThuTucId: Text.meta({ description: 'TTHC code of the procedure (MaTTHC).' }),
    MaTTHC: Text,
    Ma: Text.meta({ description: 'Case code: the version label.' }),
    Ten: Text.meta({ description: 'Case name.' }),
  })
  .meta({ id: 'ReactFlowCase', title: 'Thanh Hóa-style case (TruongHopThuTuc) with its ReactFlow process' });

export type ReactFlowCase = z.infer<typeof ReactFlowCaseSchema>;
export type ReactFlowNode = z.infer<typeof ReactFlowNodeSchema>;
export type ReactFlowEdge = z.infer<typeof ReactFlowEdgeSchema>;
