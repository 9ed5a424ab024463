/* Search suggestions for the header search box (progressive enhancement: the form works without this).
   Turns the input into an ARIA 1.2 combobox with a listbox of product names fetched, debounced, from
   GET /api/v1/suggest?q=&lang=. Arrow keys move, Enter opens the product, Escape closes. No libraries. */
(function () {
  "use strict";

  var form = document.querySelector("form.search-box[data-suggest-url]");
  if (!form || !window.fetch || !window.JSON) { return; }
  var input = form.querySelector("input[name=q]");
  var list = form.querySelector("[role=listbox]");
  var status = form.querySelector("[data-suggest-status]");
  if (!input || !list) { return; }

  var url = form.getAttribute("data-suggest-url");
  var lang = form.getAttribute("data-lang") || "en";
  var msgCount = form.getAttribute("data-msg-count") || "{n}";
  var msgNone = form.getAttribute("data-msg-none") || "";
  var DELAY = 180;
  var cache = {};
  var timer = null;
  var controller = null;
  var items = [];
  var active = -1;
  var shown = "";

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("autocomplete", "off");

  function announce(text) {
    if (status) { status.textContent = text; }
  }

  function close() {
    list.hidden = true;
    list.textContent = "";
    items = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function setActive(index) {
    var options = list.querySelectorAll("[role=option]");
    if (!options.length) { return; }
    if (index < 0) { index = options.length - 1; }
    if (index >= options.length) { index = 0; }
    for (var i = 0; i < options.length; i++) {
      options[i].setAttribute("aria-selected", i === index ? "true" : "false");
    }
    active = index;
    input.setAttribute("aria-activedescendant", options[index].id);
    options[index].scrollIntoView({ block: "nearest" });
  }

  function go(index) {
    if (items[index] && items[index].url) { window.location.assign(items[index].url); }
  }

  function render(query, data) {
    shown = query;
    list.textContent = "";
    items = Array.isArray(data) ? data : [];
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (!items.length) {
      close();
      announce(msgNone);
      return;
    }
    items.forEach(function (item, i) {
      var li = document.createElement("li");
      li.id = list.id + "-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.className = "suggest-option";
      li.textContent = item.name;
      if (item.name_lang && item.name_lang !== lang) { li.setAttribute("lang", item.name_lang === "zh" ? "zh-Hans" : item.name_lang); }
      li.addEventListener("mousedown", function (event) { event.preventDefault(); });
      li.addEventListener("click", function () { go(i); });
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    announce(msgCount.replace("{n}", String(items.length)));
  }

  function wanted(query) {
    // One CJK/Hangul character is a word; Latin and Cyrillic need two letters.
    return /[\u3400-\u9fff\uac00-\ud7a3]/.test(query) || query.length >= 2;
  }

  function fetchSuggestions() {
    var query = input.value.trim().slice(0, 200);
    if (!wanted(query)) { close(); return; }
    if (query === shown && !list.hidden) { return; }
    if (cache.hasOwnProperty(query)) { render(query, cache[query]); return; }
    if (controller) { controller.abort(); }
    controller = window.AbortController ? new AbortController() : null;
    var target = url + "?q=" + encodeURIComponent(query) + "&lang=" + encodeURIComponent(lang);
    fetch(target, { headers: { Accept: "application/json" }, signal: controller ? controller.signal : undefined })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (data) {
        cache[query] = data;
        if (input.value.trim().slice(0, 200) === query) { render(query, data); }
      })
      .catch(function () { /* aborted or offline: the plain form still works */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(fetchSuggestions, DELAY);
  });

  input.addEventListener("keydown", function (event) {
    var open = !list.hidden && items.length > 0;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (open) { setActive(active + 1); } else { shown = ""; fetchSuggestions(); }
    } else if (event.key === "ArrowUp") {
      if (open) { event.preventDefault(); setActive(active - 1); }
    } else if (event.key === "Enter") {
      if (open && active >= 0) { event.preventDefault(); go(active); }
    } else if (event.key === "Escape") {
      if (open) { event.preventDefault(); close(); }
    } else if (event.key === "Tab") {
      close();
    }
  });

  input.addEventListener("blur", function () { window.setTimeout(close, 120); });
  document.documentElement.setAttribute("data-suggest", "ready");
}());
