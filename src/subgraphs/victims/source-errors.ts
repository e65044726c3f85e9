import { appError, ErrorCode } from "../../platform/errors";
import { NoRuleVersionInForceError } from "./victims-code/rules";
import { VictimsCodeInputError } from "./victims-code/engine";
import { CalendarOutOfRangeError } from "./victims-code/working-days";

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
