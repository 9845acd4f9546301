// The staff pages' one enhancement: an upload sent with a progress bar. Without this script the upload form
// is an ordinary form post and works the same.
(function () {
  'use strict';

  document.querySelectorAll('form[data-upload]').forEach(function (form) {
    var bar = form.querySelector('progress');
    if (!bar || !window.XMLHttpRequest || !window.FormData) {
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = form.querySelector('button[type="submit"]');
      var message = form.querySelector('[data-upload-failed]');
      var failed = function () {
        bar.hidden = true;
        if (message) {
          message.hidden = false;
        }
        if (button) {
          button.disabled = false;
        }
      };
      if (message) {
        message.hidden = true;
      }
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      // Errors the page does not handle itself (a forbidden dataset, an ended session) come back as pages too.
      xhr.setRequestHeader('Accept', 'text/html');
      bar.max = 1;
      bar.value = 0;
      bar.hidden = false;
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable && e.total > 0) {
          bar.max = e.total;
          bar.value = e.loaded;
        }
      });
      xhr.upload.addEventListener('load', function () {
        bar.value = bar.max;
      });
      xhr.addEventListener('load', function () {
        bar.value = bar.max;
        var page = /^text\/html/.test(xhr.getResponseHeader('Content-Type') || '') && xhr.responseText;
        if (xhr.status >= 200 && xhr.status < 300 && xhr.responseURL && xhr.responseURL !== form.action) {
          // The upload was checked: the server redirected (303) to its page, which the request followed.
          window.location.assign(xhr.responseURL);
        } else if (page) {
          // The page that reports what was wrong replaces this one, as a plain form post would.
          document.open();
          document.write(xhr.responseText);
          document.close();
        } else {
          failed();
        }
      });
      // The connection failed, or the request was refused before the portal read it (an empty 413).
      xhr.addEventListener('error', failed);
      if (button) {
        button.disabled = true;
      }
      xhr.send(new FormData(form));
    });
  });
})();
