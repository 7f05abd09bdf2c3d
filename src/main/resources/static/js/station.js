// The QR print page's button: opens the browser's print dialog (no inline script under the CSP).
document.querySelectorAll('button.print-page').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
