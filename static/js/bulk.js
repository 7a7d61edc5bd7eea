/* Bulk actions on the support work list: "select all on this page" and a
   live caption saying how many requests are selected. Without this script
   the checkboxes still post the selection. */
(function () {
  "use strict";

  function init() {
    var form = document.getElementById("bulk-form");
    if (!form) {
      return;
    }
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input.bulk-select"));
    var all = document.getElementById("bulk-select-all");
    var caption = document.getElementById("bulk-count");

    function update() {
      var count = boxes.filter(function (box) { return box.checked; }).length;
      var template = count === 1 ? caption.getAttribute("data-one") : caption.getAttribute("data-other");
      caption.textContent = template.replace("%(count)s", String(count));
      all.checked = count > 0 && count === boxes.length;
      all.indeterminate = count > 0 && count < boxes.length;
    }

    boxes.forEach(function (box) { box.addEventListener("change", update); });
    all.addEventListener("change", function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
      update();
    });
    all.closest(".bulk-select-all").hidden = false;
    caption.hidden = false;
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
