import * as z from "zod";
import { agencyIdSchema, provinceCodeSchema } from "./ids";
import { officerText } from "./text";

export const agencyKindSchema = z.enum(["so_ban_nganh", "nganh_doc", "ubnd_cap_huyen", "ubnd_cap_xa", "khac"], {
  error: "Loại cơ quan phải là một trong: so_ban_nganh, nganh_doc, ubnd_cap_huyen, ubnd_cap_xa, khac.",
});
export type AgencyKind = z.infer<typeof agencyKindSchema>;

/**
 * One agency whose head is assigned targets: a department (so_ban_nganh), a centrally-run branch such as Công an tỉnh
 * (nganh_doc), a district (ubnd_cap_huyen, older documents) or a commune/ward (ubnd_cap_xa).
 */
export const agencySchema = z
  .object({
    id: agencyIdSchema,
    /** "Sở Khoa học và Công nghệ". */
    name: officerText("Tên cơ quan"),
    /** "Sở KH&CN": for narrow columns. */
    shortName: officerText("Tên viết tắt của cơ quan", 100).optional(),
    kind: agencyKindSchema,
    province: provinceCodeSchema,
    /** A unit under another agency (a Chi cục under a Sở). */
    parentId: agencyIdSchema.optional(),
  })
  .refine((agency) => agency.parentId !== agency.id, {
    error: "Cơ quan không thể là cơ quan cấp trên của chính nó.",
    path: ["parentId"],
  });
export type Agency = z.infer<typeof agencySchema>;
