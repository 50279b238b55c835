/*
 * Search suggestions: fills the search box's <datalist> with page titles as
 * the visitor types. Progressive enhancement only: the form works without it.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-suggestions-url]");
  if (!form || !window.fetch) {
    return;
  }
  var input = form.querySelector("input[list]");
  var list = document.getElementById(input && input.getAttribute("list"));
  if (!input || !list) {
    return;
  }
  var timer = null;
  var lastQuery = "";

  function render(results) {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    results.forEach(function (result) {
      var option = document.createElement("option");
      option.value = result.title;
      list.appendChild(option);
    });
  }

  function suggest() {
    var query = input.value.trim();
    if (query.length < 2 || query === lastQuery) {
      return;
    }
    lastQuery = query;
    var url = form.getAttribute("data-suggestions-url") + "?query=" + encodeURIComponent(query);
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.json() : { results: [] };
      })
      .then(function (data) {
        if (input.value.trim() === query) {
          render(data.results || []);
        }
      })
      .catch(function () {
        render([]);
      });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(suggest, 200);
  });
})();
