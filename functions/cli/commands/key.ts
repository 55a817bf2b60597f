import { userInfo } from "node:os";
import * as z from "zod";
import { agencyIdSchema, provinceCodeSchema } from "../../../shared/model/ids";
import type { KeySummary } from "../../auth/keyStore";
import { ROLE_LABELS, roleSchema } from "../../auth/principal";
import type { Services } from "../../services/services";
import { openStorage } from "../apiConnection";
import { vietnamTimeText } from "../../../shared/period/vietnamTime";
import { defineCommand, readArgs, usageError } from "../args";
import { CliError, type CliIo } from "../io";

const KEY_ISSUE = defineCommand({
  command: "key issue",
  synopsis: "--agency <mã cơ quan> [--province mã] [--label …] | --role province|viewer --province <mã tỉnh>",
  summary: "Cấp khóa truy cập. Khóa chỉ in ra một lần; hãy gửi cho người dùng qua kênh an toàn.",
  options: {
    agency: { type: "string", value: "mã cơ quan", description: "Khóa cho cán bộ của cơ quan này, ví dụ so-tai-chinh" },
    role: { type: "string", value: "province|viewer", description: "Khóa của cơ quan thường trực tỉnh (province) hoặc người xem tổng hợp (viewer)" },
    province: { type: "string", value: "mã tỉnh", description: "Tỉnh, ví dụ phu-tho" },
    label: { type: "string", value: "tên", description: "Tên người hoặc đơn vị giữ khóa" },
    json: { type: "boolean", description: "In khóa và thông tin dạng JSON" },
  },
  examples: ["kpi key issue --agency xa-ha-hoa", "kpi key issue --role viewer --province phu-tho"],
});

const KEY_REVOKE = defineCommand({
  command: "key revoke",
  synopsis: "<mã khóa>",
  summary: "Thu hồi một khóa: khóa không dùng được nữa (có hiệu lực sau tối đa 30 giây).",
  options: {},
  positionals: { min: 1, max: 1, missing: "Thiếu mã khóa. Ví dụ: kpi key revoke 9d98e0ced7cd15e0 (xem bằng kpi key list)." },
});

const KEY_LIST = defineCommand({
  command: "key list",
  synopsis: "[--json]",
  summary: "Liệt kê các khóa đã cấp (không bao giờ in phần bí mật).",
  options: { json: { type: "boolean", description: "In dạng JSON" } },
});

const KEY_USAGE = [
  "Cách dùng: kpi key issue|revoke|list [tham số]",
  "",
  "  issue   Cấp khóa (--agency mã | --role province|viewer --province mã)",
  "  revoke  Thu hồi khóa theo mã",
  "  list    Liệt kê khóa",
  "",
  "Xem tham số của từng lệnh: kpi key issue --help",
].join("\n");

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
  if (action === undefined || action === "--help" || action === "-h" || action === "help") {
    (action === undefined ? io.err : io.out)(KEY_USAGE);
    return action === undefined ? 2 : 0;
  }
  if (action === "issue") {
    const flags = readArgs(KEY_ISSUE, rest, io);
    if (!flags) return 0;
    const { values } = flags;
    const parsed = issueSchema.safeParse(values);
    if (!parsed.success) throw usageError(KEY_ISSUE, parsed.error.issues.map((issue) => issue.message).join(" "));
    const services = await openStorage();
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
    await recordKeyChange(services, "key_issue", issued.key);
    if (values.json) io.out(JSON.stringify({ token: issued.token, ...issued.key }, null, 2));
    else {
      io.out(issued.token);
      io.err(`Đã cấp khóa ${issued.key.keyId} cho ${issued.key.label} (${ROLE_LABELS[role]}). Khóa chỉ hiện một lần: hãy gửi cho người dùng qua kênh an toàn.`);
    }
    return 0;
  }
  if (action === "revoke") {
    const flags = readArgs(KEY_REVOKE, rest, io);
    if (!flags) return 0;
    const keyId = flags.positionals[0]!;
    const services = await openStorage();
    const key = await services.keys.find(keyId);
    if (!key || !(await services.keys.revoke(keyId))) throw new CliError(`Không có khóa "${keyId}".`);
    // Revoking a revoked key changes nothing, so the trail gets no second event.
    if (!key.revokedAt) await recordKeyChange(services, "key_revoke", key);
    io.out(`Đã thu hồi khóa ${keyId}: khóa này không còn dùng được.`);
    return 0;
  }
  if (action === "list") {
    const flags = readArgs(KEY_LIST, rest, io);
    if (!flags) return 0;
    const keys = await (await openStorage()).keys.list();
    if (flags.values.json) io.out(JSON.stringify(keys, null, 2));
    else for (const key of keys) io.out(keyLine(key));
    return 0;
  }
  throw new CliError(`Không có lệnh "kpi key ${action}".\n\n${KEY_USAGE}`, 2);
}

/**
 * Keys are managed with the storage connection, not through the API, so the command itself writes the audit event:
 * the actor is the person at the terminal, as for the other commands that act on storage in this process.
 */
async function recordKeyChange(services: Services, action: "key_issue" | "key_revoke", key: KeySummary): Promise<void> {
  await services.audit.append({
    at: services.now().toISOString(),
    actor: `cli:${userInfo().username}`,
    actorLabel: "Dòng lệnh kpi",
    action,
    province: key.province,
    ...(key.agencyId ? { agencyId: key.agencyId } : {}),
    details: { keyId: key.keyId, role: key.role, ...(key.agencyId ? { agencyId: key.agencyId } : {}), label: key.label },
  });
}

/** One key as an officer reads it: role and times in words, never codes or ISO instants. */
function keyLine(key: KeySummary): string {
  const owner = `tỉnh ${key.province}${key.agencyId ? `, cơ quan ${key.agencyId}` : ""}`;
  const state = key.revokedAt ? `đã thu hồi lúc ${vietnamTimeText(key.revokedAt, { zoneNote: false })}` : `cấp lúc ${vietnamTimeText(key.createdAt, { zoneNote: false })}`;
  return `${key.keyId}  ${ROLE_LABELS[key.role]} (${owner})  ${key.label}  ${state}`;
}
