// Dossier search: looks through search.json in the browser, no server
// needed. Results are built with textContent only, so nothing from the
// index can become markup.
(function () {
  "use strict";
  var script = document.currentScript;
  // search.json sits at the site's root; the pages it lists are relative to it.
  var indexAddress = new URL(script.dataset.index, document.baseURI);
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var maxResults = 50;
  var kindLabels = { entity: "Entity", claim: "Claim", article: "Article" };
  var entries = null;
  var pending = 0;

  // Lower case without accents, for names and titles (é matches e).
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // Lower case with every character in place, so a position found in it
  // is the same position in the original text, for the excerpt.
  function lower(text) {
    var lowered = text.toLowerCase();
    return lowered.length === text.length ? lowered : text;
  }

  function prepare(page) {
    var names = (page.names || []).map(fold);
    return { page: page, title: fold(page.title), names: names.join(" | "), nameList: names, text: lower(page.text || "") };
  }

  // Where `term` begins a word of `text`, or failing that appears in it.
  function score(text, term, atWordStart, inside) {
    var at = text.indexOf(term);
    if (at < 0) return 0;
    for (var from = at; from >= 0; from = text.indexOf(term, from + 1)) {
      if (from === 0 || !/[\p{L}\p{N}]/u.test(text.charAt(from - 1))) return atWordStart;
    }
    return inside;
  }

  function search(query) {
    var terms = fold(query).split(/\s+/).filter(function (term) { return term.length > 0; });
    if (terms.length === 0) return [];
    var phrase = terms.join(" ");
    var found = [];
    entries.forEach(function (entry, order) {
      // A page named exactly what was typed comes first.
      var total = entry.title === phrase || entry.nameList.indexOf(phrase) >= 0 ? 20 : 0;
      for (var i = 0; i < terms.length; i++) {
        var best = Math.max(score(entry.title, terms[i], 10, 6), score(entry.names, terms[i], 9, 5),
                            score(entry.text, terms[i], 2, 1));
        if (best === 0) return;
        total += best;
      }
      found.push({ entry: entry, score: total, order: order, term: entry.text.indexOf(phrase) >= 0 ? phrase : terms[0] });
    });
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return found;
  }

  // About twenty words of the text around the first match, with the match marked.
  function excerpt(entry, term) {
    var text = entry.page.text || "";
    var at = entry.text.indexOf(term);
    if (at < 0) return null;
    var start = Math.max(0, text.lastIndexOf(" ", Math.max(0, at - 80)) + 1);
    var end = text.indexOf(" ", Math.min(text.length, at + term.length + 80));
    if (end < 0) end = text.length;
    var paragraph = document.createElement("p");
    paragraph.className = "excerpt";
    paragraph.append((start > 0 ? "… " : "") + text.slice(start, at));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + term.length);
    paragraph.append(mark, text.slice(at + term.length, end) + (end < text.length ? " …" : ""));
    return paragraph;
  }

  function show(query) {
    var found = search(query);
    list.replaceChildren();
    found.slice(0, maxResults).forEach(function (result) {
      var page = result.entry.page;
      var item = document.createElement("li");
      item.className = "result result-" + page.kind;
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = kindLabels[page.kind] || page.kind;
      var link = document.createElement("a");
      link.href = new URL(page.url, indexAddress).href;
      link.textContent = page.title;
      var heading = document.createElement("p");
      heading.className = "title";
      heading.append(kind, " ", link);
      item.append(heading);
      if (page.meta) {
        var meta = document.createElement("p");
        meta.className = "meta";
        meta.textContent = page.meta;
        item.append(meta);
      }
      var quote = page.kind === "article" ? excerpt(result.entry, result.term) : null;
      if (quote) item.append(quote);
      list.append(item);
    });
    if (query.trim() === "") {
      status.textContent = "Type to search " + entries.length + " pages.";
    } else if (found.length === 0) {
      status.textContent = "Nothing matches \u201c" + query.trim() + "\u201d.";
    } else {
      status.textContent = found.length + (found.length === 1 ? " page matches" : " pages match") +
        (found.length > maxResults ? "; the first " + maxResults + " are shown." : ".");
    }
  }

  // Results follow the typing; a large index is searched after a short pause.
  function update() {
    clearTimeout(pending);
    pending = setTimeout(function () {
      var query = input.value;
      var address = new URL(window.location.href);
      if (query) address.searchParams.set("q", query); else address.searchParams.delete("q");
      history.replaceState(null, "", address.href);
      show(query);
    }, entries.length > 2000 ? 150 : 0);
  }

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  status.textContent = "Loading the search index…";
  fetch(indexAddress)
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.json();
    })
    .then(function (index) {
      entries = index.pages.map(prepare);
      input.addEventListener("input", update);
      input.form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
      show(input.value);
    })
    .catch(function () {
      status.textContent = "The search index could not be loaded. Browsers do not let a page opened " +
        "from disk read files, so search works once the site is served: run dossier serve, " +
        "or publish the site.";
    });
})();
