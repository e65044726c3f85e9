/*
 * The commissioner's page (src/gateway/commissioner.ts): asks the gateway's
 * GraphQL for an evidence-base table with the caller's own token, draws it
 * with Chart.js and as a table with hidden cells marked and explained, and
 * downloads the same table as CSV from /evidence-base.csv. A file of its own,
 * served from our origin, because the page's CSP allows no inline script.
 * The token stays in the form: nothing is stored in the browser.
 */
(function () {
  "use strict";
  var form = document.getElementById("ask");
  var status = document.getElementById("status");
  var errorBox = document.getElementById("error");
  var result = document.getElementById("result");
  var downloadButton = document.getElementById("download");
  var options = null;
  var chart = null;
  var lastVariables = null;

  var REASONS = {
    PRIMARY_SMALL_COUNT: "Too few to show: the count, after perturbation, was from 1 to 4.",
    SECONDARY_COMPLEMENTARY: "Hidden with a small count so that it cannot be worked out from a total.",
    DENOMINATOR_SUPPRESSED: "A median, percentile or rate over a hidden count or too few real observations.",
  };

  function setState(state) {
    document.body.setAttribute("data-state", state);
  }

  function fill(select, choices) {
    choices.forEach(function (choice) {
      var option = document.createElement("option");
      option.value = choice.value;
      option.textContent = choice.label;
      select.appendChild(option);
    });
  }

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
    setState("error");
  }

  function variablesOf() {
    var by = [form.elements.by1.value, form.elements.by2.value].filter(Boolean);
    var filter = {};
    if (form.elements.fromMonth.value) filter.fromMonth = form.elements.fromMonth.value;
    if (form.elements.toMonth.value) filter.toMonth = form.elements.toMonth.value;
    var field = form.elements.filterField.value;
    var values = Array.prototype.filter.call(form.elements.filterValues.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
    if (field && values.length) {
      var spec = options.filters.find(function (f) { return f.field === field; });
      filter[field] = spec.boolean ? values[0] === "true" : values;
    }
    return { measure: form.elements.measure.value, by: by, filter: filter };
  }

  function authorization() {
    return "Bearer " + form.elements.token.value.trim();
  }

  function ask(variables) {
    return fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: authorization() },
      body: JSON.stringify({ query: options.operations.evidenceBase, variables: variables }),
    }).then(function (response) {
      return response.json();
    });
  }

  /** A cell's headline figure as text: the value, or [c] where hidden. */
  function shown(stat) {
    if (stat.suppressed) return null;
    return stat.value === null ? "–" : String(stat.value);
  }

  function render(table) {
    var byRow = table.by[0];
    var rows = [];
    var columns = [];
    var cells = {};
    table.cells.forEach(function (cell) {
      var row = cell.coordinates[0] || { value: "", label: "All" };
      var rest = cell.coordinates.slice(1);
      var columnKey = rest.map(function (c) { return c.value === null ? "*" : c.value; }).join("/") || "value";
      var columnLabel = rest.map(function (c) { return c.label; }).join(", ") || table.valueUnit;
      var rowKey = row.value === null ? "*" : row.value;
      if (!rows.some(function (r) { return r.key === rowKey; })) rows.push({ key: rowKey, label: row.label, total: row.value === null });
      if (!columns.some(function (c) { return c.key === columnKey; })) columns.push({ key: columnKey, label: columnLabel, total: rest.some(function (c) { return c.value === null; }) });
      cells[rowKey + "|" + columnKey] = cell;
    });

    document.getElementById("title").textContent = table.description;
    document.getElementById("description").textContent =
      (table.countUnit === table.valueUnit ? "Figures are " + table.valueUnit : "Counts are " + table.countUnit + "; figures are " + table.valueUnit) +
      ". Rule " + table.rule.id + "." + (table.refreshedAt ? " Refreshed " + table.refreshedAt + "." : "");

    var html = document.getElementById("table");
    html.textContent = "";
    var head = html.createTHead().insertRow();
    var corner = document.createElement("th");
    corner.textContent = byRow ? byRow.toLowerCase().replace(/_/g, " ") : "";
    head.appendChild(corner);
    columns.forEach(function (column) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = column.label;
      head.appendChild(th);
    });
    var body = html.createTBody();
    var reasons = {};
    rows.forEach(function (row) {
      var tr = body.insertRow();
      if (row.total) tr.className = "total";
      var th = document.createElement("th");
      th.scope = "row";
      th.textContent = row.label;
      tr.appendChild(th);
      columns.forEach(function (column) {
        var td = tr.insertCell();
        var cell = cells[row.key + "|" + column.key];
        if (!cell) return;
        var text = shown(cell);
        if (text === null) {
          td.className = "suppressed";
          td.textContent = "[c]";
          td.title = REASONS[cell.suppressionReason] || cell.suppressionReason;
          td.setAttribute("data-reason", cell.suppressionReason);
          reasons[cell.suppressionReason] = true;
        } else {
          td.textContent = text;
        }
      });
    });

    var dl = document.getElementById("reasons");
    dl.textContent = "";
    var perturbation = table.rule.maximumPerturbation;
    if (perturbation > 0) {
      var dt0 = document.createElement("dt");
      dt0.textContent = "Every count";
      var dd0 = document.createElement("dd");
      dd0.textContent =
        "is within " + perturbation + " of the true count (the cell-key method: the same records always give the same figure). " +
        "A total is perturbed on its own, so it need not equal the sum of its cells.";
      dl.appendChild(dt0);
      dl.appendChild(dd0);
    }
    Object.keys(reasons).forEach(function (reason) {
      var dt = document.createElement("dt");
      dt.textContent = "[c] " + reason;
      var dd = document.createElement("dd");
      dd.textContent = REASONS[reason] || reason;
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    var notes = document.getElementById("footnotes");
    notes.textContent = "";
    table.footnotes.forEach(function (note) {
      var li = document.createElement("li");
      li.textContent = note;
      notes.appendChild(li);
    });

    // The chart: body cells only (no totals); a hidden cell is a gap, never a number.
    var bodyRows = rows.filter(function (r) { return !r.total; });
    var bodyColumns = columns.filter(function (c) { return !c.total; });
    var palette = ["#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#b58840", "#912b88", "#85994b", "#28a197", "#6f72af"];
    var datasets = bodyColumns.map(function (column, i) {
      return {
        label: column.label,
        backgroundColor: palette[i % palette.length],
        data: bodyRows.map(function (row) {
          var cell = cells[row.key + "|" + column.key];
          return cell && !cell.suppressed ? cell.value : null;
        }),
      };
    });
    if (chart) chart.destroy();
    chart = new Chart(document.getElementById("chart"), {
      type: "bar",
      data: { labels: bodyRows.map(function (r) { return r.label; }), datasets: datasets },
      options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: datasets.length > 1 } } },
    });

    document.getElementById("csvUrl").textContent = location.origin + csvUrl(lastVariables);
    result.hidden = false;
    downloadButton.disabled = false;
    setState("shown");
  }

  function csvUrl(variables) {
    var params = new URLSearchParams();
    params.set("measure", variables.measure);
    variables.by.forEach(function (d) { params.append("by", d); });
    Object.keys(variables.filter).forEach(function (key) {
      var value = variables.filter[key];
      params.set(key, Array.isArray(value) ? value.join(",") : String(value));
    });
    return "/evidence-base.csv?" + params.toString();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    errorBox.hidden = true;
    status.value = "asking…";
    setState("asking");
    lastVariables = variablesOf();
    ask(lastVariables)
      .then(function (answer) {
        status.value = "";
        if (answer.errors && answer.errors.length) {
          var first = answer.errors[0];
          var reason = first.extensions && first.extensions.reason ? " (" + first.extensions.reason + ")" : "";
          result.hidden = true;
          downloadButton.disabled = true;
          showError(first.message + reason);
          return;
        }
        render(answer.data.evidenceBase);
      })
      .catch(function (error) {
        status.value = "";
        showError("The hub did not answer: " + error.message);
      });
  });

  downloadButton.addEventListener("click", function () {
    if (!lastVariables) return;
    fetch(csvUrl(lastVariables), { headers: { authorization: authorization() } })
      .then(function (response) {
        if (!response.ok) {
          return response.text().then(function (text) {
            throw new Error(text.trim());
          });
        }
        var disposition = response.headers.get("content-disposition") || "";
        var match = /filename="([^"]+)"/.exec(disposition);
        return response.blob().then(function (blob) {
          var link = document.createElement("a");
          link.href = URL.createObjectURL(blob);
          link.download = match ? match[1] : "evidence-base.csv";
          document.body.appendChild(link);
          link.click();
          link.remove();
          setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
        });
      })
      .catch(function (error) {
        showError(error.message);
      });
  });

  form.elements.filterField.addEventListener("change", function () {
    var select = form.elements.filterValues;
    select.textContent = "";
    var spec = options.filters.find(function (f) { return f.field === form.elements.filterField.value; });
    if (spec) fill(select, spec.values);
  });

  fetch("/commissioner/options.json")
    .then(function (response) {
      return response.json();
    })
    .then(function (loaded) {
      options = loaded;
      fill(form.elements.measure, options.measures);
      fill(form.elements.by1, options.dimensions);
      fill(form.elements.by2, options.dimensions);
      fill(form.elements.filterField, options.filters.map(function (f) { return { value: f.field, label: f.label }; }));
      setState("ready");
    })
    .catch(function (error) {
      showError("Could not load the page's options: " + error.message);
    });
})();
