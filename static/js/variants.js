// Product page option picker: one select per option (size, colour, grade…) instead of the plain variant select,
// showing availability and price per combination without a reload. Data: the JSON in #variant-data (server-made).
(function () {
  "use strict";
  var dataNode = document.getElementById("variant-data");
  var plain = document.getElementById("buy-variant");
  var box = document.getElementById("variant-options");
  if (!dataNode || !plain || !box) { return; }
  var data = JSON.parse(dataNode.textContent);
  var selects = {};

  function chosen() {
    var out = {};
    data.options.forEach(function (o) { out[o.code] = selects[o.code].value; });
    return out;
  }

  function matches(variant, wanted) {
    return data.options.every(function (o) { return variant.options[o.code] === wanted[o.code]; });
  }

  function find(wanted) {
    for (var i = 0; i < data.variants.length; i++) {
      if (matches(data.variants[i], wanted)) { return data.variants[i]; }
    }
    return null;
  }

  function setText(id, text) {
    var node = document.getElementById(id);
    if (node) { node.textContent = text; }
  }

  function showPrice(node, price) {
    if (!node) { return; }
    // the struck-through list price belongs to the variant first shown; the prices here are the prices paid
    Array.prototype.forEach.call(node.querySelectorAll(".price-was"), function (was) { was.remove(); });
    var shown = node.querySelector(".price-shown");
    var base = node.querySelector(".price-base");
    if (shown) { shown.textContent = (price.base ? "≈ " : "") + price.shown; }
    if (base) { base.textContent = price.base; }
  }

  function tierRow(qtyText, price) {
    var row = document.createElement("tr");
    var qty = document.createElement("td");
    var cell = document.createElement("td");
    var span = document.createElement("span");
    var shown = document.createElement("span");
    var base = document.createElement("span");
    qty.textContent = qtyText;
    span.className = "price";
    shown.className = "price-shown";
    base.className = "price-base";
    span.appendChild(shown);
    span.appendChild(base);
    cell.appendChild(span);
    row.appendChild(qty);
    row.appendChild(cell);
    showPrice(row, price);
    return row;
  }

  function markValues() {
    // each value says whether, with the other current choices, it gives a variant that can be ordered
    var current = chosen();
    data.options.forEach(function (o) {
      Array.prototype.forEach.call(selects[o.code].options, function (opt) {
        var wanted = Object.assign({}, current);
        wanted[o.code] = opt.value;
        var v = find(wanted);
        var note = !v ? data.text.none : (!v.orderable ? data.text.out : "");
        opt.textContent = opt.dataset.name + (note ? " — " + note : "");
      });
    });
  }

  function update() {
    var v = find(chosen());
    var button = document.getElementById("buy-button");
    var qty = document.getElementById("buy-qty");
    markValues();
    if (!v) {
      plain.value = "";
      if (button) { button.disabled = true; }
      setText("variant-stock", data.text.none);
      return;
    }
    plain.value = String(v.id);
    if (button) { button.disabled = !v.orderable; }
    if (qty && v.max) { qty.max = String(v.max); }
    setText("variant-stock", v.orderable ? v.stock : data.text.out);
    setText("variant-sku", v.sku);
    setText("variant-hs", v.hs_code);
    showPrice(document.getElementById("variant-price"), v.price);
    var tiers = document.getElementById("variant-tiers");
    if (tiers) {
      var body = tiers.querySelector("tbody");
      while (body.firstChild) { body.removeChild(body.firstChild); }
      [[data.moq, v.price]].concat(v.tiers).forEach(function (t) { body.appendChild(tierRow(t[0], t[1])); });
      tiers.hidden = v.tiers.length === 0;
    }
    if (v.image) {
      var img = document.querySelector(".gallery-main");
      if (img) { img.src = v.image; }
    }
  }

  var initial = null;
  data.variants.forEach(function (v) { if (String(v.id) === plain.value) { initial = v; } });
  data.options.forEach(function (o) {
    var field = document.createElement("div");
    field.className = "field";
    var label = document.createElement("label");
    label.htmlFor = "opt-" + o.code;
    label.textContent = o.name;
    var select = document.createElement("select");
    select.id = "opt-" + o.code;
    select.name = "opt-" + o.code;
    o.values.forEach(function (val) {
      var opt = document.createElement("option");
      opt.value = val.code;
      opt.dataset.name = val.name;
      opt.textContent = val.name;
      if (initial && initial.options[o.code] === val.code) { opt.selected = true; }
      select.appendChild(opt);
    });
    select.addEventListener("change", update);
    selects[o.code] = select;
    field.appendChild(label);
    field.appendChild(select);
    box.appendChild(field);
  });
  document.getElementById("variant-field").hidden = true;
  box.hidden = false;
  update();
})();
