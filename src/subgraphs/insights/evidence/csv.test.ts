import { csvField } from "./csv";

describe("CSV fields", () => {
  it.each([
    ["Bolton", "Bolton"],
    ["12", "12"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\r\nlines", '"two\r\nlines"'],
    ["=HYPERLINK(\"x\")", '"\'=HYPERLINK(""x"")"'],
    ["+1", "'+1"],
    ["-1+2", "'-1+2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tindent", "'\tindent"],
    ["[c]", "[c]"],
  ])("writes %j as %j (RFC 4180 quoting, formulas defused)", (raw, written) => {
    expect(csvField(raw)).toBe(written);
  });
});
