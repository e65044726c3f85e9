/*
 * Starts GraphiQL on the explorer page (src/gateway/explorer.ts). A file of its
 * own, served from our origin, because the page's CSP allows no inline script.
 * React, ReactDOM and GraphiQL are the UMD globals loaded before it.
 *
 * First run: the schema and its docs come from /explorer/schema.json (the
 * committed supergraph), so they show before anyone has a token; the
 * committed operations open as tabs; and in development a picker signs a
 * token for an organisation, role and purpose.
 */
(function () {
  "use strict";
  var root = document.getElementById("graphiql");
  var endpoint = root.getAttribute("data-endpoint") || "/graphql";
  var base = root.getAttribute("data-explorer") || "/explorer";
  var form = document.getElementById("principal");
  var intro = [
    "# Casebridge (development). Every request needs a token: choose an organisation,",
    "# role and purpose above, or paste one from `npm run -s token -- --org ... --role ... --purpose ...`.",
    "# Fields the caller may not see come back null, each with a FORBIDDEN error and its reason;",
    "# each field's data category is in its description (Docs).",
    "",
  ].join("\n");
  var state = { schema: null, tabs: [], headers: JSON.stringify({ authorization: "Bearer <choose or paste a token>" }, null, 2), generation: 0 };
  var fetcher = GraphiQL.createFetcher({ url: endpoint });
  var reactRoot = ReactDOM.createRoot(root);

  function render() {
    reactRoot.render(
      React.createElement(GraphiQL, {
        // A new key starts GraphiQL afresh, with the headers of the token just chosen.
        key: String(state.generation),
        fetcher: fetcher,
        schema: state.schema,
        defaultTabs: state.tabs.map(function (tab) {
          return { query: tab.query, headers: state.headers };
        }),
        defaultQuery: intro,
        defaultVariableEditorVisible: true,
        variables: JSON.stringify({ id: "5eed0000-0000-4000-8000-000000000001" }, null, 2),
        headers: state.headers,
        // A token is a credential: keep it out of the browser's storage.
        shouldPersistHeaders: false,
        storage: { getItem: function () { return null; }, setItem: function () {}, removeItem: function () {}, clear: function () {}, length: 0 },
      }),
    );
  }

  function getJson(path) {
    return fetch(base + path, { headers: { accept: "application/json" } }).then(function (response) {
      if (!response.ok) throw new Error(path + ": " + response.status);
      return response.json();
    });
  }

  function fill(select, values) {
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
    });
  }

  function picker(principals) {
    if (!principals.tokens) return;
    fill(form.elements.organisation, principals.organisations);
    fill(form.elements.role, principals.roles);
    fill(form.elements.purpose, principals.purposes);
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = { organisation: form.elements.organisation.value, role: form.elements.role.value, purpose: form.elements.purpose.value };
      form.elements.status.value = "signing…";
      fetch(base + "/token", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
        .then(function (response) {
          return response.json();
        })
        .then(function (answer) {
          if (!answer.token) throw new Error(answer.error || "no token");
          state.headers = JSON.stringify({ authorization: "Bearer " + answer.token }, null, 2);
          state.generation += 1;
          form.elements.status.value = body.organisation + " " + body.role + " (" + body.purpose + ")";
          render();
        })
        .catch(function (error) {
          form.elements.status.value = String(error.message || error);
        });
    });
  }

  Promise.all([getJson("/schema.json"), getJson("/operations.json"), getJson("/principals.json")])
    .then(function (loaded) {
      state.schema = loaded[0];
      state.tabs = loaded[1];
      picker(loaded[2]);
    })
    .catch(function () {
      // Without them GraphiQL still works as before: it asks the endpoint for the schema once a token is in.
    })
    .then(render);
})();
