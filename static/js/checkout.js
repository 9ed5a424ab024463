/* Card payment with Stripe.js: the card element tokenises the card in the browser, our server confirms the
 * PaymentIntent (amount and currency come from the order, never from here), 3-D Secure is handled by Stripe.js,
 * then the server is asked again for the result. Works with real Stripe.js and with localstripe's fake one. */
(function () {
  'use strict';

  var root = document.getElementById('pay');
  if (!root) { return; }
  var d = root.dataset;
  var form = document.getElementById('card-form');
  var button = document.getElementById('pay-button');
  var errors = document.getElementById('card-errors');
  var status = document.getElementById('pay-status');

  if (typeof window.Stripe !== 'function') {
    errors.textContent = d.msgError;
    return;
  }

  var stripe = window.Stripe(d.publishableKey);
  var card = stripe.elements().create('card', { hidePostalCode: true });
  card.mount('#card-element');
  button.disabled = false;

  card.on('change', function (event) {
    errors.textContent = event && event.error ? event.error.message : '';
  });

  async function createPaymentMethod() {
    if (typeof stripe.createPaymentMethod === 'function') {
      var made = await stripe.createPaymentMethod({ type: 'card', card: card });
      if (made && (made.paymentMethod || made.error)) { return made; }
    }
    // localstripe's fake Stripe.js has no createPaymentMethod; its card tokens carry a usable card id.
    var tokenised = await stripe.createToken(card);
    if (!tokenised || tokenised.error || !tokenised.token) {
      return { error: (tokenised && tokenised.error) || {} };
    }
    return { paymentMethod: { id: tokenised.token.card.id } };
  }

  async function post(url, body) {
    var response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRFToken': d.csrf },
      body: JSON.stringify(body || {})
    });
    var data = {};
    try { data = await response.json(); } catch (ignored) { data = {}; }
    if (!response.ok && !data.message) { data.message = d.msgError; }
    return data;
  }

  function finish(result) {
    if (result && result.redirect) {
      window.location.assign(result.redirect);
      return;
    }
    errors.textContent = (result && result.message) || d.msgError;
    status.textContent = '';
    root.classList.remove('is-busy');
    button.disabled = false;
    button.focus();
  }

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    if (button.disabled) { return; }
    button.disabled = true;
    root.classList.add('is-busy');
    errors.textContent = '';
    status.textContent = d.msgProcessing;
    try {
      var made = await createPaymentMethod();
      if (made.error) {
        finish({ message: made.error.message || d.msgCardInvalid });
        return;
      }
      var result = await post(d.confirmUrl, { payment_method: made.paymentMethod.id });
      if (result.status === 'requires_action' && result.client_secret) {
        if (typeof stripe.handleNextAction === 'function') {
          await stripe.handleNextAction({ clientSecret: result.client_secret });
        } else {
          await stripe.confirmCardPayment(result.client_secret);
        }
        result = await post(d.returnUrl, {});
      }
      finish(result);
    } catch (problem) {
      finish({ message: d.msgCardInvalid });
    }
  });
}());
