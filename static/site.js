/* Enhancements only: every page works without this file. */
(function () {
  "use strict";

  function focusErrorSummary() {
    var summary = document.querySelector("[data-autofocus]");
    if (summary) { summary.focus(); }
  }

  function valuesOf(name) {
    var fields = document.querySelectorAll('[name="' + name + '"]');
    var values = [];
    Array.prototype.forEach.call(fields, function (field) {
      if ((field.type === "radio" || field.type === "checkbox") && !field.checked) { return; }
      if (field.value) { values.push(field.value); }
    });
    return values;
  }

  function applyShowIf() {
    var dependents = document.querySelectorAll("[data-show-if-question]");
    Array.prototype.forEach.call(dependents, function (group) {
      var given = valuesOf(group.getAttribute("data-show-if-question"));
      var wanted = (group.getAttribute("data-show-if-values") || "").split(" ");
      var operator = group.getAttribute("data-show-if-operator");
      var any = given.some(function (v) { return wanted.indexOf(v) !== -1; });
      var show = operator === "not_equals" ? !any : any;
      var source = document.getElementById(group.getAttribute("data-show-if-question") + "-group");
      if (!source || source.hidden) { show = false; }
      group.hidden = !show;
    });
  }

  function characterCounts() {
    var counts = document.querySelectorAll("[data-count-for]");
    Array.prototype.forEach.call(counts, function (count) {
      var field = document.getElementById(count.getAttribute("data-count-for"));
      if (!field) { return; }
      var limit = parseInt(field.getAttribute("data-maxlength"), 10);
      var update = function () {
        // Count characters as the server does (code points, not UTF-16 units).
        var left = limit - Array.from(field.value).length;
        var template = count.getAttribute(left >= 0 ? "data-left" : "data-over");
        count.classList.toggle("is-over", left < 0);
        count.textContent = template.replace("{num}", String(Math.abs(left)));
      };
      field.addEventListener("input", update);
      update();
    });
  }

  // A second tap within a few seconds is ignored; buttons are never disabled (the server
  // stores a submission once anyway, and a disabled button leaves people stuck).
  function preventDoubleSubmit() {
    var forms = document.querySelectorAll("form");
    Array.prototype.forEach.call(forms, function (form) {
      form.addEventListener("submit", function (event) {
        if (form.getAttribute("data-submitted")) { event.preventDefault(); return; }
        form.setAttribute("data-submitted", "1");
        window.setTimeout(function () { form.removeAttribute("data-submitted"); }, 4000);
      });
    });
    // Coming back with the browser's Back button restores the page as it was: let it submit.
    window.addEventListener("pageshow", function () {
      Array.prototype.forEach.call(forms, function (form) { form.removeAttribute("data-submitted"); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusErrorSummary();
    applyShowIf();
    characterCounts();
    preventDoubleSubmit();
    document.addEventListener("change", applyShowIf);
  });
}());
