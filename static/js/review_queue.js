// The review queue by keyboard: j/k move between rows, x chooses a row, a accepts and
// r rejects the rows chosen (or the current row when none is), through the admin's
// own actions form, so a keyboard decision is the same request as a click.
(function () {
  "use strict";

  function start() {
    var form = document.getElementById("changelist-form");
    var rows = Array.prototype.slice.call(document.querySelectorAll("#result_list tbody tr"));
    if (!form || !rows.length) return;
    var current = -1;

    function checkbox(row) {
      return row.querySelector("input.action-select");
    }

    function move(to) {
      if (current >= 0) rows[current].classList.remove("review-current");
      current = Math.max(0, Math.min(rows.length - 1, to));
      var row = rows[current];
      row.classList.add("review-current");
      row.setAttribute("tabindex", "-1");
      row.focus();
      row.scrollIntoView({ block: "nearest" });
    }

    function toggle(row) {
      var box = checkbox(row);
      // A click runs the admin's own handler (the row's colour, the counter).
      if (box) box.click();
    }

    function decide(action) {
      var chosen = rows.filter(function (row) { return checkbox(row) && checkbox(row).checked; });
      if (!chosen.length) {
        if (current < 0) return;
        toggle(rows[current]);
      }
      var select = form.querySelector("select[name=action]");
      var button = form.querySelector("button[name=index]");
      if (!select || !select.querySelector("option[value=" + action + "]")) return;
      select.value = action;
      if (form.requestSubmit && button) form.requestSubmit(button);
      else form.submit();
    }

    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var target = event.target;
      if (target.closest && target.closest("input, select, textarea, [contenteditable]")) return;
      var keys = {
        j: function () { move(current + 1); },
        k: function () { move(current - 1); },
        x: function () { if (current >= 0) toggle(rows[current]); },
        a: function () { decide("accept"); },
        r: function () { decide("reject"); },
      };
      var handler = keys[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
