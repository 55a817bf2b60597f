// How the Microsoft 365 sign-in script (signin/signin.js) is bundled, shared by the build and by
// `node addin/build/bundleWeight.mjs --signin`.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { addinBundleOptions } from "./addinBundle.mjs";

const STANDARD_CONTROLLER = /[\\/]@azure[\\/]msal-browser[\\/]dist[\\/]controllers[\\/]StandardController\.mjs$/;

/**
 * The pane signs in only through Office's nested app authentication bridge (NestedAppAuthController); without it the
 * officer is told to use a key. MSAL's PublicClientApplication still names its StandardController (web pop-ups,
 * redirects, hidden iframes, auth-code and refresh-token clients): half of MSAL, kept by tree-shaking although the pane
 * never builds one. The module is swapped here for one with the same exported classes that refuse to be constructed.
 * The build fails, rather than shipping something half-working, if an MSAL upgrade exports something other than a class
 * from it, imports a name it no longer has, or stops loading it (then this swap would silently do nothing).
 */
const withoutMsalStandardController = {
  name: "without-msal-standard-controller",
  setup(build) {
    let swapped = false;
    build.onLoad({ filter: STANDARD_CONTROLLER }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const names = [...source.matchAll(/^export \{([^}]*)\};?$/gm)].flatMap((match) => match[1].split(",").map((name) => name.trim()).filter(Boolean));
      const notClasses = names.filter((name) => !/^\w+$/.test(name) || !new RegExp(`^class ${name}\\b`, "m").test(source));
      if (names.length === 0 || notClasses.length > 0) {
        return { errors: [{ text: `MSAL đổi StandardController.mjs (xuất ${notClasses.join(", ") || "không tên nào"}): sửa addin/build/signInBundle.mjs.` }] };
      }
      swapped = true;
      const refuse =
        'function refuse() { throw new Error("Bản add-in chỉ đăng nhập Microsoft 365 qua Office (xác thực lồng trong Office), không mở cửa sổ đăng nhập web của MSAL."); }';
      const classes = names.map((name) => `export class ${name} { constructor() { refuse(); } }`);
      return { contents: [refuse, ...classes].join("\n"), loader: "js" };
    });
    build.onEnd((result) => {
      if (result.errors.length > 0 || swapped) return undefined;
      return { errors: [{ text: "MSAL không còn nạp StandardController.mjs: bước bỏ bộ điều khiển chuẩn trong addin/build/signInBundle.mjs không còn tác dụng, hãy sửa lại." }] };
    });
  },
};

/** A classic script of its own, like the pane's, that sets window.kpiNestedAuth (addin/connection/nestedAuthGlobal.ts). */
export function signInBundleOptions(root, outfile) {
  const { plugins: _zodOnly, jsx: _noJsx, ...options } = addinBundleOptions(root, outfile);
  return { ...options, entryPoints: [resolve(root, "addin/connection/signinScript.ts")], plugins: [withoutMsalStandardController] };
}
