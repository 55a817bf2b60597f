import * as z from "zod";
import { agencyIdSchema, provinceCodeSchema } from "../../../shared/model/ids";
import { principalSchema, roleSchema, type Principal } from "../principal";

/**
 * The province's mapping from what Entra ID says about a user (app roles in `roles`, security-group object ids in
 * `groups`) to a role in this product. Rules are tried in order and the FIRST rule that matches decides: the province
 * writes its rules from the most privileged to the least, and reading the list top-down tells who gets what. A user
 * no rule matches is not let in.
 */

const grantSchema = z
  .strictObject({
    role: roleSchema,
    province: provinceCodeSchema,
    agencyId: agencyIdSchema.optional(),
  })
  .refine((grant) => (grant.role === "agency") === (grant.agencyId !== undefined), {
    error: "Quy tắc cho cán bộ cơ quan phải ghi đúng một agencyId; vai trò province và viewer không ghi agencyId.",
    path: ["agencyId"],
  });
export type Grant = z.infer<typeof grantSchema>;

const roleRuleSchema = z.strictObject({
  role: z.string().min(1, { error: "Tên vai trò ứng dụng (app role) không được để trống." }),
  principal: grantSchema,
});
const groupRuleSchema = z.strictObject({
  group: z.guid({ error: "Mã nhóm (group) phải là mã đối tượng GUID của nhóm trong Entra ID." }),
  principal: grantSchema,
});
const ruleSchema = z.union([roleRuleSchema, groupRuleSchema], {
  error: 'Mỗi quy tắc có đúng một trong hai trường "role" (vai trò ứng dụng) hoặc "group" (mã nhóm), kèm "principal".',
});
export type RoleMapRule = z.infer<typeof ruleSchema>;

export const roleMapSchema = z.strictObject({
  /** When present, must name the same tenant and audience as the settings: a map written for another app is refused. */
  tenantId: z.guid().optional(),
  audience: z.string().min(1).optional(),
  rules: z.array(ruleSchema).min(1, { error: "Bảng ánh xạ vai trò Entra ID cần ít nhất một quy tắc." }).max(1000),
});
export type RoleMap = z.infer<typeof roleMapSchema>;

/** What the mapping reads from a verified token. */
export interface MappedClaims {
  oid: string;
  roles: readonly string[];
  groups: readonly string[];
  label: string;
}

/** The first matching rule's grant as a principal; undefined when no rule matches. */
export function principalFromRoleMap(map: RoleMap, claims: MappedClaims): Principal | undefined {
  const rule = map.rules.find((candidate) =>
    "role" in candidate ? claims.roles.includes(candidate.role) : claims.groups.some((group) => group.toLowerCase() === candidate.group.toLowerCase()),
  );
  if (!rule) return undefined;
  return principalSchema.parse({ ...rule.principal, subject: `entra:${claims.oid}`, label: claims.label });
}
