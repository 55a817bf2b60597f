/**
 * The app settings a Bicep file writes: the keys of every object variable combined in `var appSettings = union(...)`,
 * checked to be what a `config` resource named 'appsettings' receives. Read from the text because Bicep cannot be
 * compiled on these machines; the file keeps to that one shape so the reading stays exact.
 */
export function bicepAppSettings(bicep: string): string[] {
  if (!/resource\s+\w+\s+'config'\s*=\s*\{\s*name:\s*'appsettings'\s*properties:\s*appSettings\s*\}/.test(bicep)) {
    throw new Error("No 'config' resource named 'appsettings' receives appSettings.");
  }
  const union = /^var appSettings = union\(([^)]*)\)/m.exec(bicep);
  if (!union) throw new Error("No `var appSettings = union(...)`.");
  const parts = union[1]!.split(",").map((part) => part.trim()).filter(Boolean);
  const names = new Set<string>();
  for (const part of parts) {
    const body = new RegExp(`^var ${part} = ([\\s\\S]*?)\\n(?=var |resource |param |output |//|\\n)`, "m").exec(bicep);
    if (!body) throw new Error(`No variable ${part} for appSettings.`);
    const keys = [...body[1]!.matchAll(/^\s*([A-Za-z_]\w*)\s*:/gm)].map((match) => match[1]!);
    if (keys.length === 0) throw new Error(`Variable ${part} sets no setting.`);
    for (const key of keys) names.add(key);
  }
  return [...names].sort();
}
