/** The Casebridge SDK: generated typed documents, typed errors, and a minimal client. */
export * from "./generated/graphql";
export * from "./errors";
export * from "./client";
