// Keyboard review: j/k move through the queue, Enter opens; on a flag 1-5 give a verdict. No dependencies.
(function () {
  'use strict';
  function typing(e) {
    var t = e.target;
    return t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
  }

  var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-href]'));
  var selected = rows.length > 0 ? 0 : -1;
  function select(i) {
    if (rows.length === 0) return;
    if (selected >= 0) rows[selected].classList.remove('selected');
    selected = Math.max(0, Math.min(rows.length - 1, i));
    rows[selected].classList.add('selected');
    rows[selected].scrollIntoView({ block: 'nearest' });
  }
  if (rows.length > 0) select(0);
  rows.forEach(function (row, i) {
    row.addEventListener('click', function () { select(i); window.location.href = row.dataset.href; });
  });

  var form = document.getElementById('verdict-form');
  var reviewer = document.getElementById('reviewer');
  if (reviewer) {
    var saved = window.localStorage.getItem('contradictions.reviewer');
    if (saved && !reviewer.value) reviewer.value = saved;
    reviewer.addEventListener('change', function () { window.localStorage.setItem('contradictions.reviewer', reviewer.value); });
  }
  if (form) {
    form.addEventListener('submit', function () {
      if (reviewer) {
        if (!reviewer.value) reviewer.value = 'anonymous';
        window.localStorage.setItem('contradictions.reviewer', reviewer.value);
      }
    });
  }

  document.addEventListener('keydown', function (e) {
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (rows.length > 0) {
      if (e.key === 'j') { select(selected + 1); e.preventDefault(); }
      else if (e.key === 'k') { select(selected - 1); e.preventDefault(); }
      else if (e.key === 'Enter' && selected >= 0) { window.location.href = rows[selected].dataset.href; e.preventDefault(); }
    }
    if (form && e.key >= '1' && e.key <= '5') {
      var button = form.querySelector('button[data-key="' + e.key + '"]');
      if (button) { e.preventDefault(); form.requestSubmit(button); }
    }
  });
})();
