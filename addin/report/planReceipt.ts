/** The receipt's layout lives with every sheet layout in shared/sheet, so the pane and the preview draw the same. */
export { PROVINCE_VERDICT_HEADER, receiptLines, receiptOps } from "../../shared/sheet/receipt";
