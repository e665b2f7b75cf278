// The upload page polls its job's JSON status until the analysis is over. No other script runs.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) { return; }
  var id = box.getAttribute("data-job");
  var words = {};
  var tpl = document.getElementById("job-words");
  if (tpl) {
    tpl.content.querySelectorAll("span").forEach(function (s) { words[s.getAttribute("data-state")] = s.textContent; });
  }
  var finished = { done: true, unchanged: true, failed: true };
  function show(job) {
    box.setAttribute("data-state", job.state);
    document.getElementById("job-progress").value = job.progress;
    document.getElementById("job-state").textContent = words[job.state] || job.state;
    var err = document.getElementById("job-error");
    if (job.error) { err.textContent = job.error; err.hidden = false; }
    var link = document.getElementById("job-document");
    if (job.document && (job.state === "done" || job.state === "unchanged")) {
      link.href = "/documents/" + encodeURIComponent(job.document);
      link.hidden = false;
    }
  }
  function poll() {
    fetch("/api/jobs/" + encodeURIComponent(id), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (job) { show(job); if (!finished[job.state]) { setTimeout(poll, 400); } })
      .catch(function () { setTimeout(poll, 2000); });
  }
  if (!finished[box.getAttribute("data-state")]) { poll(); }
})();
