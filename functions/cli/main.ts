import { runEval } from "./commands/eval";
import { runExplain } from "./commands/explain";
import { runImport } from "./commands/import";
import { runCatalogue } from "./commands/catalogue";
import { runTemplate } from "./commands/template";
import { runDemoCatalogue } from "./commands/demoCatalogue";
import { runKey } from "./commands/key";
import { runReport } from "./commands/report";
import { runSubmit } from "./commands/submit";
import { runIngestReport } from "./commands/ingestReport";
import { installVietnameseZodMessages } from "../../shared/model/zodMessages";
import { reportFailure } from "./failure";
import { type CliIo, nodeIo } from "./io";

// Messages zod writes itself (a type mismatch nobody gave a sentence for) are Vietnamese too.
installVietnameseZodMessages();

/** `kpi <command> …`: one entry point, one small module per command. */

const USAGE = `Cách dùng: kpi <lệnh> [tham số]

Lệnh:
  eval                Đọc từng dòng JSON từ stdin ({"target": "...", "actual": ...}) và in kết quả đánh giá
  explain "<chỉ tiêu>"  Giải thích cách phần mềm hiểu một chỉ tiêu
  import <tệp>        Nhập phụ lục giao chỉ tiêu (xlsx, văn bản bảng, văn bản PDF đã chuyển) vào hệ thống
                      [--format …] [--dry-run] [--json] [--replace] [--agency "Tên mục=mã"] [--create "Tên mục"]
                      [--server URL --key KHÓA] (không có --server: ghi thẳng vào kho lưu trữ)
  catalogue           Liệt kê chỉ tiêu và cơ quan được giao [--decision mã] [--server URL --key KHÓA]
  template [tệp.xlsx] Tạo mẫu phụ lục Excel để điền và nhập
  submit <tệp.xlsx>   Nộp báo cáo điền ngoài add-in [--agency …] [--period …] [--decision …]
                      [--server URL --key KHÓA] (không có --server: ghi thẳng vào kho lưu trữ)
  ingest-report <tệp> Nộp thay một cơ quan bằng báo cáo kết quả (Word, PDF, văn bản) --decision … --period …
                      --agency … [--dry-run] [--confirm-all] [--lead "tên cơ quan trong báo cáo"] [--server --key]
  report              Báo cáo tổng hợp xlsx --decision … --period … [--out tong-hop.xlsx] [--server --key]
  key issue|revoke|list  Cấp khóa (--agency mã | --role province|viewer --province mã), thu hồi, liệt kê
  demo-catalogue      Dựng lại danh mục mẫu từ ba văn bản gốc (dành cho người phát triển)
  help [lệnh]         In hướng dẫn này, hoặc hướng dẫn của một lệnh (cũng như: kpi <lệnh> --help)`;

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  eval: runEval,
  explain: runExplain,
  import: runImport,
  catalogue: runCatalogue,
  template: runTemplate,
  "demo-catalogue": runDemoCatalogue,
  submit: runSubmit,
  "ingest-report": runIngestReport,
  report: runReport,
  key: runKey,
  help: async (args, io) => {
    const [name] = args;
    if (name === undefined || name === "help") {
      io.out(USAGE);
      return 0;
    }
    const command = COMMANDS[name];
    if (!command) {
      io.err(`Không có lệnh "${name}".\n\n${USAGE}`);
      return 2;
    }
    return command(["--help"], io);
  },
};

const HELP_FLAGS = new Set(["--help", "-h"]);

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name !== undefined && HELP_FLAGS.has(name)) {
    io.out(USAGE);
    return 0;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    io.err(name === undefined ? USAGE : `Không có lệnh "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(args, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

process.exitCode = await main(process.argv.slice(2), nodeIo);
