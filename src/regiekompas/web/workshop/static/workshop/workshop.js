/* Progressive enhancement of the workshop's phone page; it works fully without this.
   Dragging on the quadrant moves the two sliders (the accessible way to place a dot) and
   saves the dot when the finger lifts; moving a slider moves the marker. htmx does not
   swap 4xx answers by default, but "not placed: ..." is meant for the status line. */
(function () {
  "use strict";
  var shown = [400, 409];

  document.addEventListener("htmx:beforeSwap", function (event) {
    if (shown.indexOf(event.detail.xhr.status) !== -1) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  function clamp(v) { return Math.max(-100, Math.min(100, v)); }

  function setup(form) {
    var svg = form.querySelector(".rk-drag__plane");
    var marker = form.querySelector(".rk-drag__marker");
    var cc = form.querySelector("[data-rk-axis=cc]");
    var dc = form.querySelector("[data-rk-axis=dc]");
    if (!svg || !marker || !cc || !dc) { return; }
    var left = parseFloat(svg.dataset.left);
    var top = parseFloat(svg.dataset.top);
    var size = parseFloat(svg.dataset.size);

    function draw() {
      var x = left + (parseFloat(cc.value) / 100 + 1) / 2 * size;
      var y = top + (1 - parseFloat(dc.value) / 100) / 2 * size;
      marker.setAttribute("transform", "translate(" + x.toFixed(1) + " " + y.toFixed(1) + ")");
      marker.classList.remove("rk-drag__marker--unplaced");
    }

    function fromPointer(event) {
      var point = svg.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      var local = point.matrixTransform(svg.getScreenCTM().inverse());
      var x = ((local.x - left) / size) * 2 - 1;
      var y = 1 - ((local.y - top) / size) * 2;
      cc.value = clamp(Math.round(x * 20) * 5);
      dc.value = clamp(Math.round(y * 20) * 5);
      draw();
    }

    var dragging = false;
    svg.addEventListener("pointerdown", function (event) {
      dragging = true;
      svg.setPointerCapture(event.pointerId);
      fromPointer(event);
      event.preventDefault();
    });
    svg.addEventListener("pointermove", function (event) {
      if (dragging) { fromPointer(event); }
    });
    function release(event) {
      if (!dragging) { return; }
      dragging = false;
      fromPointer(event);
      if (form.requestSubmit) { form.requestSubmit(); }
    }
    svg.addEventListener("pointerup", release);
    svg.addEventListener("pointercancel", function () { dragging = false; });
    cc.addEventListener("input", draw);
    dc.addEventListener("input", draw);
  }

  document.querySelectorAll("[data-rk-drag]").forEach(setup);
})();
