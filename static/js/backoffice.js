/* Back office progressive enhancement: language tabs and confirmations. Pages work without it. */
(function () {
  "use strict";

  function initTabs(root) {
    var tabs = Array.prototype.slice.call(root.querySelectorAll('[role="tab"]'));
    var panels = tabs.map(function (tab) { return document.getElementById(tab.getAttribute("aria-controls")); });
    if (!tabs.length) { return; }
    root.classList.add("tabs-enhanced");

    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var on = i === index;
        tab.setAttribute("aria-selected", on ? "true" : "false");
        tab.setAttribute("tabindex", on ? "0" : "-1");
        if (panels[i]) { panels[i].hidden = !on; }
      });
      if (focus) { tabs[index].focus(); }
    }

    var start = tabs.findIndex(function (tab) { return tab.classList.contains("tab-error"); });
    select(start >= 0 ? start : 0, false);
    tabs.forEach(function (tab, i) {
      tab.addEventListener("click", function (event) { event.preventDefault(); select(i, false); });
      tab.addEventListener("keydown", function (event) {
        if (event.key === "ArrowRight") { event.preventDefault(); select((i + 1) % tabs.length, true); }
        if (event.key === "ArrowLeft") { event.preventDefault(); select((i - 1 + tabs.length) % tabs.length, true); }
      });
    });
  }

  document.querySelectorAll("[data-tabs]").forEach(initTabs);

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });
})();
