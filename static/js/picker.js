/* Pickers: a text input with data-picker-url becomes an ARIA 1.2 combobox (list
 * autocomplete). Without this script the input still takes the staff number or the
 * inventory tag. The server reads the key between the last parentheses of the
 * chosen label, « Marie Dupont (A123) ». No inline script, no CDN (CSP). */
(function () {
  "use strict";
  var MIN_LENGTH = 2;
  var DELAY = 200;
  var counter = 0;

  function enhance(input) {
    counter += 1;
    var id = input.id || "imt-picker-" + counter;
    var listId = id + "-listbox";

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "imt-picker__list";
    list.setAttribute("role", "listbox");
    // Its own name (« Suggestions »): the field's label names the input alone.
    list.setAttribute("aria-label", input.getAttribute("data-picker-list"));
    list.hidden = true;

    var status = document.createElement("div");
    status.className = "fr-sr-only";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");

    var wrapper = document.createElement("div");
    wrapper.className = "imt-picker";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    wrapper.appendChild(list);
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var url = input.getAttribute("data-picker-url");
    var options = [];
    var active = -1;
    var timer = null;
    var pending = null;
    var lastQuery = null;

    function announce(text) {
      status.textContent = text;
    }

    function countText(count) {
      if (count === 0) {
        return input.getAttribute("data-picker-none");
      }
      if (count === 1) {
        return input.getAttribute("data-picker-one");
      }
      return input.getAttribute("data-picker-many").replace("{count}", String(count));
    }

    function setActive(index) {
      var items = list.children;
      if (active >= 0 && items[active]) {
        items[active].setAttribute("aria-selected", "false");
        items[active].classList.remove("imt-picker__option--active");
      }
      active = index;
      if (active >= 0 && items[active]) {
        items[active].setAttribute("aria-selected", "true");
        items[active].classList.add("imt-picker__option--active");
        input.setAttribute("aria-activedescendant", items[active].id);
        items[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function open() {
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function choose(index) {
      var option = options[index];
      if (!option) {
        return;
      }
      input.value = option.label + " (" + option.value + ")";
      lastQuery = input.value;
      close();
      announce(input.value);
    }

    function render(results) {
      options = results;
      list.textContent = "";
      active = -1;
      results.forEach(function (option, index) {
        var item = document.createElement("li");
        item.id = listId + "-" + index;
        item.className = "imt-picker__option";
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        var name = document.createElement("span");
        name.textContent = option.label + " (" + option.value + ")";
        item.appendChild(name);
        if (option.hint) {
          var hint = document.createElement("span");
          hint.className = "imt-picker__hint";
          hint.textContent = option.hint;
          item.appendChild(hint);
        }
        item.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the input
          choose(index);
        });
        list.appendChild(item);
      });
      if (results.length) {
        open();
      } else {
        close();
      }
      announce(countText(results.length));
    }

    function search() {
      var query = input.value.trim();
      if (query === lastQuery) {
        return;
      }
      lastQuery = query;
      if (pending) {
        pending.abort();
        pending = null;
      }
      if (query.length < MIN_LENGTH) {
        render([]);
        announce("");
        return;
      }
      pending = new AbortController();
      var address = url + (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(query);
      fetch(address, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        signal: pending.signal,
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("picker " + response.status);
          }
          return response.json();
        })
        .then(function (data) {
          pending = null;
          render(data.results || []);
        })
        .catch(function (error) {
          if (error.name !== "AbortError") {
            render([]);
            announce(input.getAttribute("data-picker-error"));
          }
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = !list.hidden;
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!expanded) {
            open();
          }
          if (options.length) {
            setActive(active + 1 < options.length ? active + 1 : 0);
          }
          break;
        case "ArrowUp":
          event.preventDefault();
          if (!expanded) {
            open();
          }
          if (options.length) {
            setActive(active > 0 ? active - 1 : options.length - 1);
          }
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault(); // choose, do not submit the form yet
            choose(active);
          }
          break;
        case "Escape":
          if (expanded) {
            event.preventDefault();
            close();
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", close);
  }

  document.querySelectorAll("input[data-picker-url]").forEach(enhance);
})();
