// Print page: assembles the whole handbook from model.json into the <template> elements of handbook/print.html.
// Every value is set with textContent, so data text stays text.
(() => {
  const SUPPORTED_SCHEMA = 1;

  function clone(id) {
    return document.getElementById(id).content.firstElementChild.cloneNode(true);
  }

  function fill(node, values) {
    node.querySelectorAll("[data-text]").forEach((el) => {
      el.textContent = values[el.dataset.text] ?? "";
    });
    node.querySelectorAll("[data-list]").forEach((list) => {
      const items = values[list.dataset.list] || [];
      items.forEach((text) => {
        const item = clone("hb-print-item");
        item.textContent = text;
        list.append(item);
      });
      if (!items.length && list.dataset.empty) {
        const empty = clone("hb-print-empty");
        empty.textContent = list.dataset.empty;
        list.replaceWith(empty);
      }
    });
    node.querySelectorAll("[data-pairs]").forEach((list) => {
      (values[list.dataset.pairs] || []).forEach(([term, text]) => {
        const pair = clone("hb-print-pair");
        pair.querySelector("dt").textContent = term;
        pair.querySelector("dd").textContent = text;
        list.append(pair);
      });
    });
    return node;
  }

  function metricText(metric) {
    return typeof metric === "string" ? metric : `${metric.name}: ${metric.includes.join("; ")}`;
  }

  function byName(a, b) {
    return a.name.toLowerCase().localeCompare(b.name.toLowerCase());
  }

  function assemble(body, model) {
    const competencyName = new Map(model.competencies.map((c) => [c.id, c.name]));
    const rolesByCompetency = new Map();
    model.roles.forEach((role) =>
      role.competencies.forEach((id) => rolesByCompetency.set(id, [...(rolesByCompetency.get(id) || []), role.name])),
    );
    const parts = document.createDocumentFragment();
    model.families.forEach((family) => {
      const roles = model.roles.filter((r) => r.family === family.id).sort(byName);
      if (!roles.length) return;
      const section = fill(clone("hb-print-section"), { title: `${family.name}: role profiles`, description: family.description });
      roles.forEach((role) =>
        section.append(
          fill(clone("hb-print-role"), {
            name: role.name,
            family: family.name,
            summary: role.summary,
            responsibilities: role.responsibilities,
            metrics: role.metrics.map(metricText),
            titles: role.titles,
            competencies: role.competencies.map((id) => competencyName.get(id) || id),
          }),
        ),
      );
      parts.append(section);
    });
    const levels = model.proficiency_levels;
    model.dimensions.forEach((dimension) => {
      const competencies = model.competencies.filter((c) => c.dimension === dimension.id).sort(byName);
      if (!competencies.length) return;
      const section = fill(clone("hb-print-section"), { title: `${dimension.name}: competencies`, description: dimension.description });
      competencies.forEach((competency) =>
        section.append(
          fill(clone("hb-print-competency"), {
            name: competency.name,
            dimension: dimension.name,
            type: competency.type,
            definition: competency.definition,
            behaviors: competency.behaviors.map((b) => b.text),
            levels: levels.map((level) => [level.name, competency.levels[level.id] || ""]),
            roles: rolesByCompetency.get(competency.id) || [],
          }),
        ),
      );
      parts.append(section);
    });
    body.append(parts);
  }

  document$.subscribe(() => {
    const root = document.getElementById("hb-print");
    if (!root) return;
    const status = root.querySelector("[data-hb-print-status]");
    const button = root.querySelector("[data-hb-print-button]");
    const body = root.querySelector("[data-hb-print-body]");
    button.addEventListener("click", () => window.print());
    fetch(root.dataset.model)
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
        return response.json();
      })
      .then((model) => {
        if (model.schema_version !== SUPPORTED_SCHEMA) {
          throw new Error(`model.json has schema version ${model.schema_version}, this page reads version ${SUPPORTED_SCHEMA}`);
        }
        assemble(body, model);
        root.dataset.ready = "true";
        button.disabled = false;
        status.textContent = `Ready: ${model.roles.length} role profiles and ${model.competencies.length} competencies.`;
      })
      .catch((error) => {
        status.textContent = `The handbook could not be assembled (${error.message}). Reload the page to try again.`;
      });
  });
})();
