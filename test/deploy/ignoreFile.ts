/**
 * The part of .gitignore syntax .funcignore uses (azd and Core Tools both read it as a gitignore file): comments,
 * "!" negation, a trailing "/" for folders, a "/" elsewhere anchoring to the file's folder, "*", "**" and "?".
 */
interface Rule {
  negate: boolean;
  folderOnly: boolean;
  anchored: boolean;
  pattern: RegExp;
}

export function ignoreRules(text: string): Rule[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const negate = line.startsWith("!");
      let body = negate ? line.slice(1) : line;
      const folderOnly = body.endsWith("/");
      if (folderOnly) body = body.slice(0, -1);
      const anchored = body.includes("/");
      if (body.startsWith("/")) body = body.slice(1);
      const source = body
        .split("**")
        .map((piece) => piece.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]"))
        .join(".*");
      return { negate, folderOnly, anchored, pattern: new RegExp(`^${source}$`) };
    });
}

/** Whether a repository-relative path (a file, or a folder when `isFolder`) is left out of the package. */
export function isIgnored(rules: Rule[], path: string, isFolder = false): boolean {
  const segments = path.split("/");
  // A path is left out when it or any folder above it is: git does not look inside an excluded folder.
  for (let depth = 1; depth <= segments.length; depth += 1) {
    const candidate = segments.slice(0, depth).join("/");
    const candidateIsFolder = depth < segments.length || isFolder;
    let ignored = false;
    for (const rule of rules) {
      if (rule.folderOnly && !candidateIsFolder) continue;
      const subject = rule.anchored ? candidate : segments[depth - 1]!;
      if (rule.pattern.test(subject)) ignored = !rule.negate;
    }
    if (ignored) return true;
  }
  return false;
}
