// The graph page: draws a view exported as Cytoscape.js JSON by the same server.
// Pan and zoom, search, click a node for its details and evidence passages, filter by type and
// year, colour by type, size by degree. Everything is loaded from this server only.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("config").textContent);
  const status = document.getElementById("status");
  const details = document.getElementById("details");
  const viewSelect = document.getElementById("view");
  const typesBox = document.getElementById("types");
  const search = document.getElementById("search");
  const yearFrom = document.getElementById("year-from");
  const yearTo = document.getElementById("year-to");
  let cy = null;

  for (const v of config.views) {
    const opt = document.createElement("option");
    opt.value = v; opt.textContent = v; opt.selected = v === config.view;
    viewSelect.appendChild(opt);
  }

  function colour(type) { return config.colours[type] || "#999999"; }

  function text(tag, value, cls) {
    const el = document.createElement(tag);
    el.textContent = value;
    if (cls) el.className = cls;
    return el;
  }

  function showDetails(node) {
    const d = node.data();
    details.replaceChildren();
    details.appendChild(text("h2", d.label || d.id));
    const dl = document.createElement("dl");
    const rows = [["Type", d.type], ["Year", d.year], ["Date", d.date], ["IRI", d.id],
                  ["Degree", d.degree], ["Community", d.community]];
    for (const [k, v] of rows) {
      if (v === undefined || v === null || v === "") continue;
      dl.appendChild(text("dt", k)); dl.appendChild(text("dd", String(v)));
    }
    details.appendChild(dl);
    const passages = [];
    if (d.passage) passages.push({ text: d.passage, source: d.passage_document });
    node.connectedEdges().forEach((e) => {
      const ed = e.data();
      if (ed.passage) passages.push({ text: ed.passage, source: ed.passage_document });
    });
    const seen = new Set();
    details.appendChild(text("h3", "Evidence passages"));
    const list = passages.filter((p) => !seen.has(p.text + p.source) && seen.add(p.text + p.source));
    if (!list.length) details.appendChild(text("p", "No passage recorded for this node.", "hint"));
    for (const p of list) {
      const block = text("blockquote", p.text, "passage");
      if (p.source) block.appendChild(text("footer", p.source));
      details.appendChild(block);
    }
  }

  function applyFilters() {
    if (!cy) return;
    const shown = new Set([...typesBox.querySelectorAll("input:checked")].map((i) => i.value));
    const lo = yearFrom.value ? Number(yearFrom.value) : -Infinity;
    const hi = yearTo.value ? Number(yearTo.value) : Infinity;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const y = n.data("year");
        const ok = shown.has(n.data("type")) && (y === undefined || (y >= lo && y <= hi));
        n.style("display", ok ? "element" : "none");
      });
    });
    status.textContent = `${cy.nodes(":visible").length} of ${cy.nodes().length} nodes, ` +
      `${cy.edges(":visible").length} edges`;
  }

  function buildTypeFilters() {
    typesBox.querySelectorAll("label").forEach((l) => l.remove());
    const types = [...new Set(cy.nodes().map((n) => n.data("type")))].sort();
    for (const t of types) {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox"; box.value = t; box.checked = true;
      box.addEventListener("change", applyFilters);
      const swatch = text("span", "", "swatch");
      swatch.style.background = colour(t);
      label.append(box, swatch, t);
      typesBox.appendChild(label);
    }
    const labels = document.getElementById("labels");
    labels.replaceChildren(...cy.nodes().map((n) => {
      const o = document.createElement("option"); o.value = n.data("label"); return o;
    }));
  }

  // The layout keeps nodes apart but not their labels: move nodes apart, along the axis of least
  // overlap, until no two boxes of node and label intersect (a bounded number of rounds; boxes
  // are swept in x order, so only neighbours are compared).
  const SEPARATE_MAX_NODES = 2000, SEPARATE_ROUNDS = 80, LABEL_GAP = 3;
  function separateLabels(cy) {
    const nodes = cy.nodes().filter((n) => n.data("label"));
    if (nodes.length < 2 || nodes.length > SEPARATE_MAX_NODES) return;
    for (let round = 0; round < SEPARATE_ROUNDS; round++) {
      const items = nodes.map((n) => {
        const b = n.boundingBox({ includeNodes: true, includeEdges: false, includeLabels: true });
        return { n, x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2 };
      });
      items.sort((a, b) => a.x1 - b.x1 || (a.n.id() < b.n.id() ? -1 : 1));
      let moved = 0;
      for (let i = 0; i < items.length; i++) {
        const a = items[i];
        for (let j = i + 1; j < items.length && items[j].x1 < a.x2 + LABEL_GAP; j++) {
          const b = items[j];
          const ox = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + LABEL_GAP;
          const oy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + LABEL_GAP;
          if (ox <= 0 || oy <= 0) continue;
          const vertical = oy <= ox;
          const pa = a.n.position(), pb = b.n.position();
          const dir = vertical ? (pb.y >= pa.y ? 1 : -1) : (pb.x >= pa.x ? 1 : -1);
          const d = (vertical ? oy : ox) / 2;
          const dx = vertical ? 0 : dir * d, dy = vertical ? dir * d : 0;
          a.n.position({ x: pa.x - dx, y: pa.y - dy });
          b.n.position({ x: pb.x + dx, y: pb.y + dy });
          a.x1 -= dx; a.x2 -= dx; a.y1 -= dy; a.y2 -= dy;
          b.x1 += dx; b.x2 += dx; b.y1 += dy; b.y2 += dy;
          moved++;
        }
      }
      if (!moved) break;
    }
    cy.fit(undefined, 20);
  }

  function draw(elements) {
    const degrees = elements.nodes.map((n) => n.data.degree || 0);
    const maxDegree = Math.max(1, ...degrees);
    if (cy) cy.destroy();
    cy = cytoscape({
      container: document.getElementById("cy"),
      elements: elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
          "background-color": (n) => colour(n.data("type")),
          "label": "data(label)", "font-size": 9, "text-wrap": "ellipsis", "text-max-width": 120,
          "text-valign": "bottom", "text-margin-y": 2, "min-zoomed-font-size": 7,
          "text-background-color": "#fff", "text-background-opacity": 0.8,
          "width": (n) => 14 + 36 * (n.data("degree") || 0) / maxDegree,
          "height": (n) => 14 + 36 * (n.data("degree") || 0) / maxDegree } },
        { selector: "edge", style: {
          "width": (e) => Math.min(8, 1 + (e.data("weight") || 1)), "line-color": "#bbb",
          "target-arrow-color": "#bbb", "target-arrow-shape": "triangle", "curve-style": "bezier" } },
        { selector: ":selected", style: { "border-width": 3, "border-color": "#000" } },
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true,
        nodeRepulsion: () => 400000, idealEdgeLength: () => 80, nodeOverlap: 20, padding: 20 },
    });
    separateLabels(cy);
    window.cy = cy;
    cy.on("tap", "node", (evt) => showDetails(evt.target));
    buildTypeFilters();
    applyFilters();
    document.body.dataset.ready = "true";
  }

  async function load(view) {
    document.body.dataset.ready = "false";
    status.textContent = "loading…";
    const response = await fetch(`export?format=cytoscape&view=${encodeURIComponent(view)}`);
    if (!response.ok) { status.textContent = `error ${response.status}: ${await response.text()}`; return; }
    const data = await response.json();
    draw(data.elements);
  }

  search.addEventListener("change", () => {
    if (!cy) return;
    const q = search.value.trim().toLowerCase();
    const hit = cy.nodes().filter((n) => String(n.data("label")).toLowerCase().includes(q)).first();
    if (hit && hit.length) {
      cy.$(":selected").unselect(); hit.select();
      cy.animate({ center: { eles: hit }, zoom: 1.5 }, { duration: 200 });
      showDetails(hit);
    }
  });
  yearFrom.addEventListener("input", applyFilters);
  yearTo.addEventListener("input", applyFilters);
  viewSelect.addEventListener("change", () => load(viewSelect.value));
  load(config.view);
})();
