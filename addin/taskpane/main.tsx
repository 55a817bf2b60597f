// First, so that Excel finds the custom functions registered as soon as this one script has run (shared runtime).
import "../functions/functions";
import { createRoot } from "react-dom/client";
import { ExcelWorkbook } from "../excel/excelWorkbook";
import { MemoryWorkbook } from "../preview/memoryWorkbook";
import { PreviewPage } from "../preview/PreviewPage";
import { App } from "./App";
import "./taskpane.css";
import { installVietnameseZodMessages } from "../../shared/model/zodMessages";

installVietnameseZodMessages();

/*
 * The add-in's one script. Inside Excel it runs in the shared runtime: the custom functions and the pane share one
 * copy of zod, the target grammar and shared/. Opened in a browser (no Office host) it becomes the labelled preview
 * on an in-page workbook; loaded where there is no page at all (a bare custom-functions runtime) only the functions run.
 */

/** The dev manifest opens taskpane.html?ns=KPIDEV so that formulas it writes call its own functions. */
function functionNamespace(): string {
  const requested = new URLSearchParams(location.search).get("ns");
  return requested && /^[A-Z][A-Z0-9]{0,15}$/.test(requested) ? requested : "KPI";
}

function start(inExcel: boolean): void {
  const container = document.getElementById("root");
  if (!container) return;
  const namespace = functionNamespace();
  const serverUrl = location.protocol === "https:" || location.hostname === "127.0.0.1" || location.hostname === "localhost" ? location.origin : "";
  const root = createRoot(container);
  if (inExcel) {
    root.render(<App workbook={new ExcelWorkbook()} functionNamespace={namespace} defaultServerUrl={serverUrl} />);
    return;
  }
  document.title = "KPI chuyển đổi số – xem thử ngoài Excel";
  const workbook = new MemoryWorkbook();
  root.render(<PreviewPage workbook={workbook} pane={<App workbook={workbook} functionNamespace={namespace} defaultServerUrl={serverUrl} />} />);
}

// The scripts load in <head> (classic, in order, so the functions register early): the pane waits for the body.
function whenDocumentReady(then: () => void): void {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", then, { once: true });
  else then();
}

if (typeof document !== "undefined") {
  whenDocumentReady(() => {
    if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
      void Office.onReady((info) => start(info.host === Office.HostType.Excel));
    } else {
      start(false);
    }
  });
}
