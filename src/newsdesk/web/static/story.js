// Citations: clicking a summary citation shows its sentence inside its article.
(function () {
  "use strict";
  const CONTEXT = 220;  // characters of the article shown before and after the sentence
  const box = document.getElementById("citation");
  if (!box) return;
  const cache = new Map();
  async function article(id) {
    if (!cache.has(id)) cache.set(id, fetch(`/api/articles/${encodeURIComponent(id)}`).then(r => r.json()));
    return cache.get(id);
  }
  document.querySelectorAll("a.cite").forEach(link => {
    link.addEventListener("click", async event => {
      event.preventDefault();
      const a = await article(link.dataset.article);
      const start = Number(link.dataset.start), end = Number(link.dataset.end);
      document.getElementById("citation-title").textContent = `${a.title || "(untitled)"} — ${a.source || "unknown source"}`;
      document.getElementById("citation-before").textContent = (start > CONTEXT ? "…" : "") + a.text.slice(Math.max(0, start - CONTEXT), start);
      document.getElementById("citation-sentence").textContent = a.text.slice(start, end);
      document.getElementById("citation-after").textContent = a.text.slice(end, end + CONTEXT) + (end + CONTEXT < a.text.length ? "…" : "");
      document.getElementById("citation-link").href = link.getAttribute("href");
      box.hidden = false;
    });
  });
})();
