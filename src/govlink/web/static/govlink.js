// Tabs, search, sort and select all/none on the overview and the companies; the pages work without it too.
document.addEventListener("DOMContentLoaded", () => {
  const tabs = [...document.querySelectorAll("[data-tab]")];
  const show = (name) => {
    document.querySelectorAll("[data-panel]").forEach((p) => { p.hidden = p.dataset.panel !== name; });
    tabs.forEach((t) => t.setAttribute("aria-selected", String(t.dataset.tab === name)));
  };
  tabs.forEach((t) => t.addEventListener("click", (e) => { e.preventDefault(); show(t.dataset.tab); }));
  const asked = tabs.find((t) => `#tab-${t.dataset.tab}` === location.hash);
  if (tabs.length) show((asked || tabs[0]).dataset.tab);
  document.querySelectorAll("[data-panel]").forEach((panel) => {
    const rows = () => [...panel.querySelectorAll("tbody tr")];
    panel.querySelector("[data-search]")?.addEventListener("input", (e) => {
      const q = e.target.value.toLowerCase();
      rows().forEach((r) => { r.hidden = !r.textContent.toLowerCase().includes(q); });
    });
    panel.querySelectorAll("[data-check]").forEach((b) => b.addEventListener("click", () => {
      rows().filter((r) => !r.hidden).forEach((r) => {
        r.querySelectorAll("input[type=checkbox]").forEach((c) => { c.checked = b.dataset.check === "all"; });
      });
    }));
    panel.querySelectorAll("th[data-sort]").forEach((th) => th.addEventListener("click", () => {
      const i = th.cellIndex, up = th.dataset.dir !== "asc", num = th.dataset.sort === "number";
      const key = (r) => (r.cells[i].querySelector("input[type=text]")?.value ?? r.cells[i].textContent).trim();
      const sorted = rows().sort((a, b) => (num ? key(a) - key(b) : key(a).localeCompare(key(b))) * (up ? 1 : -1));
      th.dataset.dir = up ? "asc" : "desc";
      sorted.forEach((r) => r.parentNode.appendChild(r));
    }));
  });
});
