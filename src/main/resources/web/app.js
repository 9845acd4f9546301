// Progressive enhancements only: every page works without this script.
(function () {
  'use strict';

  // A copy button on each code snippet.
  document.querySelectorAll('.snippet').forEach(function (snippet) {
    var pre = snippet.querySelector('pre');
    if (!pre || !navigator.clipboard) {
      return;
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    var label = snippet.getAttribute('data-copy-label') || 'Copy';
    var done = snippet.getAttribute('data-copied-label') || 'Copied';
    button.textContent = label;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(pre.textContent).then(function () {
        button.textContent = done;
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
    snippet.appendChild(button);
  });

})();
