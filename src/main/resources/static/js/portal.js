// The portal's copy buttons: <button data-copy="#id"> copies the element's text and says so in its status
// element (data-copied="#status"). Without a clipboard the text is selected, ready for the phone's own copy.
document.addEventListener('click', function (event) {
  var button = event.target.closest('button[data-copy]');
  if (!button) {
    return;
  }
  var source = document.querySelector(button.getAttribute('data-copy'));
  var status = document.querySelector(button.getAttribute('data-copied'));
  var text = source.textContent.trim();
  function done(ok) {
    if (status) {
      status.textContent = ok ? status.getAttribute('data-ok') : status.getAttribute('data-select');
    }
  }
  function select() {
    var range = document.createRange();
    range.selectNodeContents(source);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    done(ok);
  }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(function () { done(true); }, select);
  } else {
    select();
  }
});
