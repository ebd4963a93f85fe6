/* TACE eCRF page behaviour (loaded as a file: the content security policy forbids inline script). */
(function () {
  'use strict';
  // Warn before leaving a data-entry form with unsaved changes. Forms opt in with the class
  // "dirty-guard"; a submit through the form's own buttons clears the flag.
  var dirty = false;
  document.addEventListener('input', function (e) {
    if (e.target.closest && e.target.closest('form.dirty-guard')) { dirty = true; }
  }, true);
  document.addEventListener('change', function (e) {
    if (e.target.closest && e.target.closest('form.dirty-guard')) { dirty = true; }
  }, true);
  document.addEventListener('submit', function () { dirty = false; }, true);
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('form.dirty-guard .save-action');
    if (button) { dirty = false; }
  }, true);
  window.addEventListener('beforeunload', function (e) {
    if (dirty) { e.preventDefault(); e.returnValue = ''; return ''; }
  });
  window.TaceCrf = { markClean: function () { dirty = false; }, isDirty: function () { return dirty; } };
})();
