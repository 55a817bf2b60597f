import * as z from "zod";
import { agencyKindSchema } from "./agency";
import { agencyGroupIdSchema, agencyIdSchema, provinceCodeSchema } from "./ids";
import { officerText } from "./text";

/**
 * One appendix section for a whole class of agencies: "16. UBND các xã, phường" gives every commune and ward the same
 * list. Members follow the kind (so communes merged next year need no edit), or are listed when the class is not a kind.
 */
export const agencyGroupSchema = z
  .object({
    id: agencyGroupIdSchema,
    /** "UBND các xã, phường". */
    name: officerText("Tên nhóm cơ quan"),
    province: provinceCodeSchema,
    memberKind: agencyKindSchema.optional(),
    members: z.array(agencyIdSchema).min(1, { error: "Danh sách thành viên của nhóm không được rỗng." }).optional(),
  })
  .superRefine((group, ctx) => {
    if ((group.memberKind === undefined) === (group.members === undefined)) {
      ctx.addIssue({
        code: "custom",
        message: "Nhóm cơ quan cần đúng một cách xác định thành viên: theo loại cơ quan (memberKind) hoặc danh sách (members).",
        path: ["members"],
      });
    }
    const seen = new Set<string>();
    group.members?.forEach((member, index) => {
      if (seen.has(member)) {
        ctx.addIssue({ code: "custom", message: `Cơ quan "${member}" có tên hai lần trong nhóm.`, path: ["members", index] });
      }
      seen.add(member);
    });
  });
export type AgencyGroup = z.infer<typeof agencyGroupSchema>;
