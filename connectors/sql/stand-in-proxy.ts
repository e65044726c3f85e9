import { createConnection, createServer, Socket } from "node:net";
import type { AddressInfo } from "node:net";

/**
 * A TCP proxy in front of a SQL stand-in (a PostgreSQL server or PGlite
 * behind its socket server), so tests can make a real database connection
 * fail the ways a partner's database does, and count the statements sent to
 * it over the real wire protocol.
 */

export type SqlStandInMode =
  /** Passes everything through. */
  | "up"
  /** Drops every open connection and every new one: the client sees the connection fail. */
  | "down"
  /** Holds each answer from the database for `delayMs` before passing it on. */
  | "slow";

export interface RunningSqlProxy {
  /** The target's URL with the proxy's host and port. */
  url: string;
  close(): Promise<void>;
}

export class SqlStandInProxy {
  private mode: SqlStandInMode = "up";
  private delayMs = 0;
  private statements = 0;
  private downWhen: string | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly targetUrl: string) {}

  setMode(mode: SqlStandInMode, options: { delayMs?: number } = {}): void {
    this.mode = mode;
    this.delayMs = options.delayMs ?? 0;
    if (mode === "down") for (const socket of this.sockets) socket.destroy();
  }

  /**
   * Goes down (as setMode("down")) the moment a statement whose text
   * contains `text` is sent, before it reaches the database: for tests that
   * lose the database part-way through a piece of work (e.g. as an audit
   * event is written). Once only.
   */
  goDownWhenSent(text: string): void {
    this.downWhen = text;
  }

  /**
   * Statements sent since the proxy started: simple-protocol Query messages
   * and extended-protocol Execute messages (PostgreSQL manual, "Message
   * Formats"); every parameterised query is one Execute.
   */
  statementCount(): number {
    return this.statements;
  }

  async start(): Promise<RunningSqlProxy> {
    const target = new URL(this.targetUrl);
    const server = createServer((client) => this.accept(client, target.hostname, Number(target.port || 5432)));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", resolve);
    });
    const { port } = server.address() as AddressInfo;
    const url = new URL(this.targetUrl);
    url.hostname = "127.0.0.1";
    url.port = String(port);
    return {
      url: url.toString(),
      close: () =>
        new Promise<void>((resolve) => {
          for (const timer of this.timers) clearTimeout(timer);
          for (const socket of this.sockets) socket.destroy();
          server.close(() => resolve());
        }),
    };
  }

  private accept(client: Socket, host: string, port: number): void {
    if (this.mode === "down") {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host, port });
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on("close", () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
      socket.on("error", () => undefined); // the close handler tears both down
    }
    let tripped = false;
    const counter = new MessageCounter(
      () => (this.statements += 1),
      (text) => {
        if (this.downWhen === undefined || !text.includes(this.downWhen)) return;
        this.downWhen = undefined;
        tripped = true;
      },
    );
    client.on("data", (chunk: Buffer) => {
      counter.push(chunk);
      if (tripped) return this.setMode("down");
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (this.mode !== "slow") return void client.write(chunk);
      // Equal delays fire in order, so the stream stays in order.
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (!client.destroyed) client.write(chunk);
      }, this.delayMs);
      this.timers.add(timer);
    });
  }
}

/** Frames the client's side of the protocol: a startup message without a type byte, then type byte + int32 length messages. */
class MessageCounter {
  private buffer = Buffer.alloc(0);
  private startedUp = false;

  constructor(
    private readonly onStatement: () => void,
    /** The SQL text of each simple Query and each Parse (extended protocol) message. */
    private readonly onText: (text: string) => void = () => undefined,
  ) {}

  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerLength = this.startedUp ? 5 : 4;
      if (this.buffer.length < headerLength) return;
      const length = this.startedUp ? this.buffer.readInt32BE(1) + 1 : this.buffer.readInt32BE(0);
      if (this.buffer.length < length) return;
      // SSLRequest (code 80877103) comes before the startup message proper, which is then sent without a type byte.
      if (!this.startedUp) this.startedUp = !(length === 8 && this.buffer.readInt32BE(4) === 80877103);
      else {
        const type = this.buffer[0];
        if (type === 0x51 /* Q */ || type === 0x45 /* E */) this.onStatement();
        // Query: the text, NUL-terminated. Parse: a statement name, NUL, the text, NUL, then parameter types.
        if (type === 0x51) this.onText(this.buffer.toString("utf8", 5, length - 1));
        if (type === 0x50 /* P */) {
          const textStart = this.buffer.indexOf(0, 5) + 1;
          this.onText(this.buffer.toString("utf8", textStart, this.buffer.indexOf(0, textStart)));
        }
      }
      this.buffer = this.buffer.subarray(length);
    }
  }
}
