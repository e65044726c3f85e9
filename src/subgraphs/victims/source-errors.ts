import { SourceUnavailableError } from "../../../connectors/contract";
import { appError, ErrorCode } from "../../platform/errors";
import { NoRuleVersionInForceError } from "./victims-code/rules";
import { VictimsCodeInputError } from "./victims-code/engine";
import { CalendarOutOfRangeError } from "./victims-code/working-days";

/** A source that could not answer becomes SOURCE_UNAVAILABLE naming it and why; the rest of the response still comes back. */
export async function fromSource<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof SourceUnavailableError) {
      throw appError(ErrorCode.SOURCE_UNAVAILABLE, `The ${error.source} source did not answer`, { source: error.source, reason: error.reason });
    }
    throw error;
  }
}

/** The Victims' Code engine refuses input it would have to guess about: say so, with its reason, rather than answer wrongly. */
export function fromEngine<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof VictimsCodeInputError || error instanceof CalendarOutOfRangeError || error instanceof NoRuleVersionInForceError) {
      throw appError(ErrorCode.INVALID_INPUT, `Victims' Code timeliness cannot be worked out: ${error.message}`, { reason: error.code });
    }
    throw error;
  }
}
