/* TACE eCRF page behaviour (loaded as a file: the content security policy forbids inline script). */
(function () {
  'use strict';
  // Warn before leaving a data-entry form with unsaved changes. Forms opt in with the class
  // "dirty-guard". A save through the form's own buttons (class "save-action") clears the flag only
  // once the server has accepted it: a save refused with field errors leaves the input unsaved.
  var dirty = false;
  var edits = 0;          // input events seen, so an edit made while a save is in flight stays unsaved
  var editsAtSave = -1;
  function edited(e) {
    if (e.target.closest && e.target.closest('form.dirty-guard')) { dirty = true; edits++; }
  }
  document.addEventListener('input', edited, true);
  document.addEventListener('change', edited, true);
  // A full (non-AJAX) submit leaves the page; the server answers with the next one.
  document.addEventListener('submit', function () { dirty = false; }, true);
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('form.dirty-guard .save-action');
    if (button) { editsAtSave = edits; }
  }, true);
  function isSaveAction(sourceId) {
    var source = sourceId && document.getElementById(sourceId);
    return !!(source && source.closest && source.closest('form.dirty-guard .save-action'));
  }
  if (window.jQuery && window.PrimeFaces) {
    // PrimeFaces reports validationFailed when the save was refused (FacesContext#validationFailed).
    window.jQuery(document).on('pfAjaxComplete', function (event, xhr, settings, args) {
      if (!isSaveAction(PrimeFaces.ajax.Utils.getSourceId(settings))) { return; }
      var accepted = xhr && xhr.status === 200 && !(args && args.validationFailed);
      if (accepted && edits === editsAtSave) { dirty = false; }
    });
  }
  window.addEventListener('beforeunload', function (e) {
    if (dirty) { e.preventDefault(); e.returnValue = ''; return ''; }
  });
  window.TaceCrf = { markClean: function () { dirty = false; }, isDirty: function () { return dirty; } };
})();
