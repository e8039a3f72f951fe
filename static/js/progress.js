/* Follows background jobs (imports, editions of the report), then reloads the page.
 * Each box carries data-progress-url (no inline script: CSP); its status view answers
 * imtsocial.progress.progress_state: {value, max, text, finished}. */
(function () {
  "use strict";

  function follow(box) {
    var url = box.getAttribute("data-progress-url");
    var bar = box.querySelector("progress");
    var text = box.querySelector("[data-progress-text]");
    var delay = 1500;

    function show(data) {
      if (bar) {
        bar.max = data.max;
        bar.value = Math.min(data.value, data.max);
      }
      if (text) {
        text.textContent = data.text;
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

  Array.prototype.forEach.call(document.querySelectorAll("[data-progress-url]"), follow);
})();
