import { endpointUrl } from "./webhook.url";

describe("a webhook endpoint's URL", () => {
  it.each([
    ["https://casework.partner.example/hooks", false],
    ["https://casework.partner.example:8443/casebridge/hooks?tenant=1", false],
    ["https://203.0.113.7/hooks", false],
    ["http://127.0.0.1:8080/hooks", true],
    ["http://localhost:8080/hooks", true],
    ["http://[::1]:8080/hooks", true],
  ])("accepts %s (http to loopback allowed: %s)", (url, allowHttpLoopback) => {
    expect(endpointUrl(url, allowHttpLoopback)).toBe(new URL(url).toString());
  });

  it.each([
    ["http://casework.partner.example/hooks", true, /must be https/],
    ["http://127.0.0.1:8080/hooks", false, /must be https/],
    ["ftp://casework.partner.example/hooks", true, /must be https/],
    ["https://localhost/hooks", false, /loopback, private or link-local/],
    ["https://127.0.0.2/hooks", false, /loopback, private or link-local/],
    ["https://10.0.0.5/hooks", false, /loopback, private or link-local/],
    ["https://172.16.0.1/hooks", false, /loopback, private or link-local/],
    ["https://172.31.255.255/hooks", false, /loopback, private or link-local/],
    ["https://192.168.1.1/hooks", false, /loopback, private or link-local/],
    ["https://169.254.169.254/latest/meta-data", false, /loopback, private or link-local/],
    ["https://0.0.0.0/hooks", false, /loopback, private or link-local/],
    ["https://[fd00::1]/hooks", false, /loopback, private or link-local/],
    ["https://[fe80::1]/hooks", false, /loopback, private or link-local/],
    ["https://[::ffff:127.0.0.1]/hooks", false, /loopback, private or link-local/],
    ["https://2130706433/hooks", false, /loopback, private or link-local/],
    ["https://0x7f.1/hooks", false, /loopback, private or link-local/],
    ["https://user:secret@casework.partner.example/hooks", false, /user name or password/],
    ["casework.partner.example/hooks", false, /Not an absolute URL/],
    [`https://casework.partner.example/${"a".repeat(2_048)}`, false, /at most 2048 characters/],
  ])("refuses %s (http to loopback allowed: %s)", (url, allowHttpLoopback, message) => {
    expect(() => endpointUrl(url, allowHttpLoopback)).toThrow(message);
  });

  it("takes the edges of 172.16/12 as the private range's and no further", () => {
    expect(endpointUrl("https://172.15.255.255/hooks", false)).toBe("https://172.15.255.255/hooks");
    expect(endpointUrl("https://172.32.0.1/hooks", false)).toBe("https://172.32.0.1/hooks");
  });
});
