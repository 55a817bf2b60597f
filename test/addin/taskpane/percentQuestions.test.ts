import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PercentQuestions } from "../../../addin/taskpane/PercentQuestions";

/** What the officer reads before answering: the question per cell, its readings, and a button held until all are answered. */
describe("the pane's percent questions", () => {
  it("shows each cell's question with its readings, and holds the button until every question is answered", () => {
    const questions = [
      {
        cell: "G7",
        assignmentId: "phu-tho-1521-qd-ubnd.so-tai-chinh.1",
        question: "Ô G7: 0,92 nghĩa là 92% hay 0,92%?",
        choices: [
          { label: "92%", fraction: 0.92 },
          { label: "0,92%", fraction: 0.0092 },
        ],
      },
    ];
    const html = renderToStaticMarkup(
      createElement(FluentProvider, { theme: webLightTheme }, createElement(PercentQuestions, { questions, onAnswer: () => {}, busy: false })),
    );
    expect(html).toContain("Ô G7: 0,92 nghĩa là 92% hay 0,92%?");
    expect(html).toMatch(/value="92%"/);
    expect(html).toMatch(/value="0,92%"/);
    expect(html).toMatch(/<button[^>]*aria-disabled="true"[^>]*>Ghi vào bảng và nộp<\/button>/);
  });
});
