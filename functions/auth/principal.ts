import * as z from "zod";
import { roleSchema, type Role } from "../../shared/api/contract";
import { agencyIdSchema, provinceCodeSchema } from "../../shared/model/ids";

/**
 * Who is calling. The province's standing agency (Sở KH&CN or the province's digital-transformation office) manages
 * the catalogue and reads everything of its province; an agency officer reads and submits for one agency; a viewer
 * (the Chairman's office, inspectors) reads aggregates only. The roles are part of the API contract (GET me).
 */
export { roleSchema, type Role };

export const ROLE_LABELS: Record<Role, string> = {
  province: "Cơ quan thường trực của tỉnh",
  agency: "Cán bộ cơ quan, đơn vị",
  viewer: "Người xem tổng hợp",
};

export const principalSchema = z
  .object({
    role: roleSchema,
    province: provinceCodeSchema,
    agencyId: agencyIdSchema.optional(),
    /** The key id or the signed-in user: recorded with every change. */
    subject: z.string(),
    label: z.string(),
  })
  .refine((principal) => (principal.role === "agency") === (principal.agencyId !== undefined), {
    error: "Khóa của cán bộ cơ quan phải gắn với đúng một cơ quan; các vai trò khác không gắn cơ quan.",
    path: ["agencyId"],
  });
export type Principal = z.infer<typeof principalSchema>;

/**
 * The one question every request asks. Pasted keys answer it (KeyStore); with Entra ID configured, Microsoft
 * sign-in tokens are answered too (entra/EntraVerifier, mapped to a role by app role or group), next to the keys.
 */
export interface TokenVerifier {
  verify(bearerToken: string): Promise<Principal | undefined>;
}
