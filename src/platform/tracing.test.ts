import { statementText } from "./tracing";
import { redactAttributes } from "./tracing-sdk";

describe("statementText", () => {
  it.each([
    ["SELECT * FROM victims.victim WHERE email = $1", "SELECT * FROM victims.victim WHERE email = $1"],
    ["SELECT * FROM victims.victim WHERE email = 'otelia@example.invalid'", "SELECT * FROM victims.victim WHERE email = ?"],
    ["SELECT 'it''s', E'a\\nb' LIMIT 10", "SELECT ?, ? LIMIT ?"],
    ["DO $$ BEGIN RAISE 'Otelia'; END $$", "DO ?"],
    ["SELECT $body$ Tracewell $body$, $1, t1.id", "SELECT ?, $1, t1.id"],
    ["SELECT\n  1", "SELECT ?"],
  ])("keeps the shape of %j and no literal", (sql, expected) => {
    expect(statementText(sql)).toBe(expected);
  });
});

describe("redactAttributes", () => {
  it("drops query strings and the caller's address, and writes ids in paths as {id}", () => {
    expect(
      redactAttributes({
        "url.full": "http://127.0.0.1:4000/graphql?variables=%7B%22email%22%3A%22x%40example.invalid%22%7D",
        "url.path": "/referrals/5eed0000-0000-4000-8000-000000000001:accept",
        "url.query": "variables=%7B%7D",
        "http.target": "/crimes?borough=BOLTON",
        "client.address": "192.0.2.1",
        "network.peer.address": "192.0.2.1",
        "http.request.method": "GET",
      }),
    ).toEqual({ "url.full": "http://127.0.0.1:4000/graphql", "url.path": "/referrals/{id}:accept", "http.target": "/crimes", "http.request.method": "GET" });
  });
});
