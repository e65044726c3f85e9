import { appError, ErrorCode } from "./errors";

export const MAX_PAGE_SIZE = 100;

/** Validates a `first` argument: 1 to 100. */
export function pageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw appError(ErrorCode.INVALID_INPUT, `first must be between 1 and ${MAX_PAGE_SIZE}`, { argument: "first" });
  }
  return first;
}
