/*
 * Starts GraphiQL on the explorer page (src/gateway/explorer.ts). A file of its
 * own, served from our origin, because the page's CSP allows no inline script.
 * React, ReactDOM and GraphiQL are the UMD globals loaded before it.
 */
(function () {
  "use strict";
  var root = document.getElementById("graphiql");
  var endpoint = root.getAttribute("data-endpoint") || "/graphql";
  var defaultQuery = [
    "# Casebridge (development). Every request needs a token: put one in Headers below.",
    "#   npm run -s token -- --org PANKHURST --role caseworker --purpose support",
    "# Fields the caller may not see come back null, each with a FORBIDDEN error and its reason.",
    "# The operations front ends use are in schema/operations (npm run codegen).",
    "",
    "query CaseView($id: ID!) {",
    "  case(id: $id) {",
    "    caseReference",
    "    borough",
    "    status",
    "    crime { crimeReference offenceDescription status }",
    "    episodes { provider service status }",
    "  }",
    "}",
    "",
  ].join("\n");
  var fetcher = GraphiQL.createFetcher({ url: endpoint });
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      defaultVariableEditorVisible: true,
      variables: JSON.stringify({ id: "5eed0000-0000-4000-8000-000000000001" }, null, 2),
      defaultHeaders: JSON.stringify({ authorization: "Bearer <paste a token>" }, null, 2),
      // A token is a credential: keep it out of the browser's storage.
      shouldPersistHeaders: false,
    }),
  );
})();
