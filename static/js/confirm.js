/* Irreversible actions (components/confirm_dialog.html): the form is sent only from
   its open confirmation dialog. Pressing Enter in a field would otherwise submit
   through the dialog's button (the form's default button) without asking. */
(function () {
  "use strict";
  function isOpen(dialog) {
    return dialog.open || dialog.classList.contains("fr-modal--opened");
  }
  document.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (!submitter || !submitter.hasAttribute("data-imt-confirm-submit")) {
      return;
    }
    var dialog = submitter.closest("dialog[data-imt-confirm]");
    if (!dialog || isOpen(dialog)) {
      return;
    }
    event.preventDefault();
    if (window.dsfr) {
      window.dsfr(dialog).modal.disclose();
    }
  });
})();
