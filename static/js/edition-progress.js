/* DD&RS report: follows the editions in preparation, then reloads the page.
 * Each status URL comes from a data-edition-status-url attribute (no inline script: CSP). */
(function () {
  "use strict";
  var boxes = document.querySelectorAll("[data-edition-status-url]");
  if (!boxes.length) {
    return;
  }

  function follow(box) {
    var url = box.getAttribute("data-edition-status-url");
    var bar = box.querySelector("progress");
    var text = box.querySelector("[data-edition-progress-text]");
    var delay = 1500;

    function show(data) {
      if (bar) {
        bar.value = data.progress;
      }
      if (text) {
        var parts = [data.status_label];
        if (data.status === "running") {
          parts.push(data.progress + " %");
          if (data.section) {
            parts.push(data.section);
          }
        }
        text.textContent = parts.join(" — ");
      }
    }

    function poll() {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return response.json();
        })
        .then(function (data) {
          show(data);
          if (data.finished) {
            window.location.reload();
            return;
          }
          delay = 1500;
          window.setTimeout(poll, delay);
        })
        .catch(function () {
          delay = Math.min(delay * 2, 15000);
          window.setTimeout(poll, delay);
        });
    }

    window.setTimeout(poll, delay);
  }

  Array.prototype.forEach.call(boxes, follow);
})();
