// Ingest progress: poll the job until it is done, then list what it did.
(function () {
  "use strict";
  const job = document.getElementById("job");
  if (!job) return;
  const bar = document.getElementById("job-progress"), state = document.getElementById("job-state");
  async function poll() {
    const res = await fetch(`/api/jobs/${job.dataset.job}`);
    const j = await res.json();
    bar.max = j.total; bar.value = j.done; state.textContent = `${j.state} (${j.done}/${j.total})`;
    if (j.state === "done" || j.state === "error") {
      document.getElementById("job-result").textContent = j.error || `${j.new} new, ${j.seen} seen before, ${j.failed.length} failed`;
      for (const f of j.failed) { const li = document.createElement("li"); li.textContent = f; document.getElementById("job-failed").appendChild(li); }
      for (const s of j.stories) {
        const li = document.createElement("li"), a = document.createElement("a");
        a.href = `/stories/${s}`; a.textContent = `story ${s}`; li.appendChild(a);
        document.getElementById("job-stories").appendChild(li);
      }
      return;
    }
    setTimeout(poll, 400);
  }
  poll();
})();
