import { Button, FluentProvider, Text, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { MemoryWorkbook } from "./memoryWorkbook";
import { PreviewGrid } from "./PreviewGrid";
import { SAMPLE_APPENDIX } from "./sampleAppendix";

/**
 * The task pane outside Excel, clearly labelled: the in-page workbook on the left where Excel's grid would be, the
 * pane at Excel's default width on the right. Nothing typed here is saved anywhere but the server it submits to.
 */
export function PreviewPage({ workbook, pane }: { workbook: MemoryWorkbook; pane: ReactNode }) {
  return (
    <div className="preview-page">
      <FluentProvider theme={webLightTheme} className="preview-banner" role="note">
        <Text weight="semibold">Xem thử ngoài Excel</Text>
        <Text size={200}>Bảng tính bên trái mô phỏng sổ làm việc, không được lưu lại. Trong Excel, khung KPI mở từ nút trên thanh Trang đầu.</Text>
        <Button size="small" onClick={() => workbook.openSheet(SAMPLE_APPENDIX)}>
          Mở mẫu phụ lục giao chỉ tiêu
        </Button>
      </FluentProvider>
      <div className="preview-body">
        <FluentProvider theme={webLightTheme} className="preview-workbook">
          <PreviewGrid workbook={workbook} />
        </FluentProvider>
        <aside className="preview-pane" aria-label="Khung KPI">
          {pane}
        </aside>
      </div>
    </div>
  );
}
