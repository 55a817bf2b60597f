import type { Locator, Page } from "playwright-core";

/** The preview page of the task pane as a person uses it: by labels and button names, as they read on screen. */
export class TaskpanePage {
  constructor(readonly page: Page) {}

  get pane(): Locator {
    return this.page.locator("aside.preview-pane");
  }

  button(name: string): Locator {
    return this.page.getByRole("button", { name, exact: true });
  }

  async open(origin: string): Promise<void> {
    await this.page.goto(`${origin}/preview.html`);
    await this.page.getByText("Xem thử ngoài Excel").waitFor();
  }

  /** The server field is prefilled with the pane's own origin (the dev server passes /api on). */
  async connect(key: string): Promise<void> {
    await this.pane.getByLabel("Khóa truy cập").fill(key);
    await this.button("Kết nối").click();
    await this.button("Đổi kết nối").waitFor();
  }

  /** A cell of the active sheet as it shows. */
  async cell(address: string): Promise<string> {
    const input = this.page.getByLabel(`Ô ${address}`, { exact: true });
    if ((await input.count()) > 0) return input.inputValue();
    return (await this.page.locator(`td[data-address="${address}"]`).textContent()) ?? "";
  }

  /** Types into a cell the officer fills and leaves it with Enter, as in Excel. */
  async type(address: string, text: string): Promise<void> {
    const input = this.page.getByLabel(`Ô ${address}`, { exact: true });
    await input.fill(text);
    await input.press("Enter");
  }

  /** Waits for the running action (progress bar) to finish. */
  async settled(): Promise<void> {
    await this.pane.locator('[role="progressbar"]').waitFor({ state: "detached" });
  }

  async alertText(): Promise<string> {
    const alert = this.pane.getByRole("alert").first();
    await alert.waitFor();
    return (await alert.textContent()) ?? "";
  }
}
