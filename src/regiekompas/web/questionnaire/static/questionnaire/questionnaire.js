/* Progressive enhancement of the questionnaire; the pages work fully without it.
   htmx does not swap 4xx responses by default, but the answer endpoint's 400/404/409
   fragments ("not saved: ...") are meant for the question's live region, so let them in.
   When the request cannot be sent at all (offline), say so in the same place. */
(function () {
  "use strict";
  var shown = [400, 404, 409];

  document.addEventListener("htmx:beforeSwap", function (event) {
    if (shown.indexOf(event.detail.xhr.status) !== -1) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // "Same as above": check the same answer in this row as in the row above; the radio's own
  // change event then saves it like a click. Without JavaScript the button submits the page
  // and the server copies the answer.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-rk-copy-from]");
    if (!button || !button.form) {
      return;
    }
    event.preventDefault();
    var form = button.form;
    var source = Array.prototype.find.call(form.elements, function (el) {
      return el.name === button.dataset.rkCopyFrom && el.checked;
    });
    if (!source) {
      return;
    }
    var target = Array.prototype.find.call(form.elements, function (el) {
      return el.name === button.dataset.rkCopyTo && el.value === source.value;
    });
    if (target && !target.checked) {
      target.checked = true;
      target.dispatchEvent(new Event("change", { bubbles: true }));
    }
  });

  document.addEventListener("htmx:sendError", function (event) {
    var target = event.detail.target;
    var form = target && target.closest("form");
    if (!form || !form.dataset.rkOffline) {
      return;
    }
    var message = document.createElement("span");
    message.className = "rk-q-status__error";
    message.textContent = form.dataset.rkOffline;
    target.replaceChildren(message);
  });
})();
