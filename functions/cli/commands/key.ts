import { parseArgs } from "node:util";
import { z } from "zod";
import { agencyIdSchema, provinceCodeSchema } from "../../../shared/model/ids";
import { ROLE_LABELS, roleSchema } from "../../auth/principal";
import { openStorage } from "../apiConnection";
import { CliError, type CliIo } from "../io";

const issueSchema = z
  .object({
    role: roleSchema.optional(),
    agency: agencyIdSchema.optional(),
    province: provinceCodeSchema.optional(),
    label: z.string().trim().min(1).max(200).optional(),
  })
  .refine((options) => options.role !== undefined || options.agency !== undefined, { error: "Cần --agency <mã cơ quan> hoặc --role province|viewer." });

/**
 * `kpi key issue --agency so-tai-chinh [--province phu-tho] [--label …]`, `kpi key issue --role province|viewer
 * --province …`, `kpi key revoke <mã khóa>`, `kpi key list`. Works on the storage directly: only someone with the
 * storage connection manages keys. The secret is shown once and never stored.
 */
export async function runKey(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { role: { type: "string" }, agency: { type: "string" }, province: { type: "string" }, label: { type: "string" }, json: { type: "boolean" } },
  });
  const services = await openStorage();
  if (action === "issue") {
    const parsed = issueSchema.safeParse(values);
    if (!parsed.success) throw new CliError(parsed.error.issues.map((issue) => issue.message).join(" "), 2);
    const role = parsed.data.role ?? "agency";
    if (role === "agency" && !parsed.data.agency) throw new CliError("Khóa cán bộ cơ quan cần --agency <mã cơ quan>.", 2);
    const snapshot = await services.catalogue.current();
    let province = parsed.data.province;
    if (role === "agency") {
      const matches = snapshot.catalogue.agencies.filter((agency) => agency.id === parsed.data.agency && (!province || agency.province === province));
      if (matches.length === 0) throw new CliError(`Không có cơ quan "${parsed.data.agency}"${province ? ` ở ${province}` : ""} trong danh mục.`);
      if (matches.length > 1) throw new CliError(`Mã "${parsed.data.agency}" có ở nhiều tỉnh (${matches.map((m) => m.province).join(", ")}): thêm --province.`, 2);
      province = matches[0]!.province;
    }
    if (!province) throw new CliError("Cần --province <mã tỉnh>, ví dụ --province phu-tho.", 2);
    const agencyName = role === "agency" ? snapshot.lookup.agency(province, parsed.data.agency!)?.name : undefined;
    const issued = await services.keys.issue({
      role,
      province,
      ...(role === "agency" ? { agencyId: parsed.data.agency } : {}),
      label: parsed.data.label ?? agencyName ?? `${ROLE_LABELS[role]} (${province})`,
    });
    if (values.json) io.out(JSON.stringify({ token: issued.token, ...issued.key }, null, 2));
    else {
      io.out(issued.token);
      io.err(`Đã cấp khóa ${issued.key.keyId} cho ${issued.key.label} (${ROLE_LABELS[role]}). Khóa chỉ hiện một lần: hãy gửi cho người dùng qua kênh an toàn.`);
    }
    return 0;
  }
  if (action === "revoke") {
    const [keyId] = positionals;
    if (!keyId) throw new CliError("Thiếu mã khóa. Ví dụ: kpi key revoke 9d98e0ced7cd15e0 (xem bằng kpi key list).", 2);
    if (!(await services.keys.revoke(keyId))) throw new CliError(`Không có khóa "${keyId}".`);
    io.out(`Đã thu hồi khóa ${keyId}: khóa này không còn dùng được.`);
    return 0;
  }
  if (action === "list") {
    const keys = await services.keys.list();
    if (values.json) io.out(JSON.stringify(keys, null, 2));
    else
      for (const key of keys) {
        io.out(`${key.keyId}  ${key.role.padEnd(8)} ${key.province}${key.agencyId ? `/${key.agencyId}` : ""}  ${key.label}  ${key.revokedAt ? `(đã thu hồi ${key.revokedAt})` : ""}`.trimEnd());
      }
    return 0;
  }
  throw new CliError("Dùng: kpi key issue|revoke|list. Ví dụ: kpi key issue --agency so-tai-chinh", 2);
}
