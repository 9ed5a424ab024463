// Phones: once the buy box's own button has scrolled out of view upwards, a bar fixed at the bottom of the screen
// shows the current price and an "Add to cart" that submits the same form (form="buy-form"). site.css hides the
// bar on wider screens; without JavaScript it stays hidden and the buy box works as before.
(function () {
  "use strict";
  var bar = document.getElementById("buy-bar");
  var button = document.getElementById("buy-button");
  if (!bar || !button || !("IntersectionObserver" in window)) { return; }
  var barButton = bar.querySelector("button");
  var barPrice = document.getElementById("buy-bar-price");

  function fill() {
    // the price paid: a promotion's struck-through list price (.price-was) comes first and is not a direct child
    var shown = document.querySelector("#variant-price > .price .price-shown");
    barPrice.replaceChildren(shown ? shown.cloneNode(true) : "");
    barButton.disabled = button.disabled;
  }

  new IntersectionObserver(function (entries) {
    var entry = entries[entries.length - 1];
    var scrolledPast = !entry.isIntersecting && entry.boundingClientRect.bottom < 0;
    if (scrolledPast) { fill(); }
    bar.hidden = !scrolledPast;
  }).observe(button);
})();
