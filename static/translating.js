/* Translation pages: save a text when its field loses the focus. The page works without this. */
(function () {
  "use strict";

  function setStatus(text) {
    var status = document.getElementById("autosave-status");
    if (status) { status.textContent = text; }
  }

  function save(form, field) {
    var token = form.querySelector('input[name="csrf_token"]');
    var confirm = document.getElementById(field.id + "-confirm");
    var body = { key: field.getAttribute("data-key"), value: field.value };
    if (confirm && confirm.checked) { body.confirm = true; }
    fetch(form.getAttribute("data-autosave-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "X-CSRFToken": token ? token.value : ""
      },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (result.ok) {
        field.setAttribute("data-saved", field.value);
        setStatus(form.getAttribute("data-saved-text"));
      } else {
        setStatus(result.data.error || form.getAttribute("data-failed-text"));
      }
    }).catch(function () {
      setStatus(form.getAttribute("data-failed-text"));
    });
  }

  function init() {
    var forms = document.querySelectorAll("form[data-autosave-url]");
    Array.prototype.forEach.call(forms, function (form) {
      var fields = form.querySelectorAll("textarea[data-key]");
      Array.prototype.forEach.call(fields, function (field) {
        field.setAttribute("data-saved", field.value);
        field.addEventListener("blur", function () {
          if (field.value !== field.getAttribute("data-saved")) { save(form, field); }
        });
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
