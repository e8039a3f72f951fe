/* HR imports: follows an analysis or an import in progress, then reloads the page.
 * The status URL comes from the data-import-status-url attribute (no inline script: CSP). */
(function () {
  "use strict";
  var box = document.querySelector("[data-import-status-url]");
  if (!box) {
    return;
  }
  var url = box.getAttribute("data-import-status-url");
  var label = box.getAttribute("data-progress-label") || "/";
  var bar = box.querySelector("progress");
  var text = box.querySelector("[data-import-progress-text]");
  var delay = 2000;

  function number(value) {
    return Number(value).toLocaleString(document.documentElement.lang || "fr");
  }

  function show(data) {
    if (bar && data.total) {
      bar.max = data.total;
      bar.value = Math.min(data.processed, data.total);
    }
    if (text) {
      text.textContent = number(data.processed) + " " + label + " " + number(data.total);
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
        if (data.done) {
          window.location.reload();
          return;
        }
        delay = 2000;
        window.setTimeout(poll, delay);
      })
      .catch(function () {
        delay = Math.min(delay * 2, 15000);
        window.setTimeout(poll, delay);
      });
  }

  window.setTimeout(poll, delay);
})();
