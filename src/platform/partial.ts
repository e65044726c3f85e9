import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLError } from "graphql";
import type { RequestContext } from "./context";

/**
 * Errors that accompany data rather than replace it: a list field that
 * returns what the sources that answered hold, and an error for each source
 * that did not (partial data, DESIGN.md). A resolver cannot both return a
 * value and throw, so it adds the error here and returns the value;
 * partialErrorsPlugin appends them to the response.
 */
export class PartialErrors {
  private readonly errors = new Map<string, GraphQLError>();

  /** Adds an error; the same message at the same path is kept once. */
  add(error: GraphQLError): void {
    this.errors.set(`${JSON.stringify(error.path ?? null)}\u0000${error.message}`, error);
  }

  get size(): number {
    return this.errors.size;
  }

  list(): GraphQLError[] {
    return [...this.errors.values()];
  }
}

export interface PartialResultContext extends RequestContext {
  partialErrors?: PartialErrors;
}

/** Appends the request's partial-data errors to its response, after the data they accompany. */
export function partialErrorsPlugin(): ApolloServerPlugin<PartialResultContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const added = contextValue.partialErrors;
          if (!added?.size || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...added.list().map((error) => error.toJSON())];
        },
      };
    },
  };
}
