import { createServer, IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Received {
  at: number;
  body: string;
  headers: IncomingHttpHeaders;
}

/** A partner system's receiver on loopback: records every request and answers as `answer` says (a status, or "hang" past the timeout). */
export class Receiver {
  readonly received: Received[] = [];
  answer: (n: number) => number | "hang" = () => 204;
  private server!: Server;
  url = "";

  /** `timeoutMs`: the hub's attempt timeout; a "hang" answer holds the request open three times as long. */
  constructor(private readonly timeoutMs = 1_000) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        this.received.push({ at: Date.now(), body: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
        const answer = this.answer(this.received.length);
        if (answer === "hang") {
          setTimeout(() => res.writeHead(200).end(), this.timeoutMs * 3).unref();
          return;
        }
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
    return this;
  }

  /** Payloads about one case whose signature verifies with the secret; throws on any that does not. */
  verifiedFor(secret: string, caseId: string): { type: string; timestamp: string; data: Record<string, unknown> & { id: string; caseId: string | null; record: { type: string; id: string } } }[] {
    const wh = new Webhook(secret);
    return this.received
      .map((r) => wh.verify(r.body, r.headers as Record<string, string>) as ReturnType<Receiver["verifiedFor"]>[number])
      .filter((p) => p.data.caseId === caseId);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
