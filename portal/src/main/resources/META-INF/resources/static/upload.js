// The owner's clip upload: the file goes to the portal (same origin, with the page's CSRF token in a header),
// which streams it through the gateway; a progress bar while it goes, the SHA-256 once it is stored.
(function () {
  'use strict';
  var form = document.getElementById('upload-form');
  if (!form) { return; }
  var bar = document.getElementById('upload-progress');
  var status = document.getElementById('upload-status');
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var file = document.getElementById('clip-file').files[0];
    if (!file) { status.textContent = 'Choose a video file first.'; return; }
    var q = '?cameraId=' + encodeURIComponent(document.getElementById('clip-camera').value)
      + '&recordedAt=' + encodeURIComponent(document.getElementById('clip-recorded').value);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/owner/clips' + q);
    xhr.setRequestHeader('Content-Type', file.type || 'video/mp4');
    xhr.setRequestHeader('X-CSRF-TOKEN', form.getAttribute('data-csrf'));
    xhr.upload.onprogress = function (p) {
      if (p.lengthComputable) { bar.value = Math.round(100 * p.loaded / p.total); bar.textContent = bar.value + ' %'; }
    };
    xhr.onload = function () {
      var answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (x) { /* not JSON */ }
      if (xhr.status === 201 && answer) {
        bar.value = 100;
        status.innerHTML = '';
        status.appendChild(document.createTextNode('Uploaded. SHA-256: '));
        var hash = document.createElement('code');
        hash.id = 'upload-sha256';
        hash.textContent = answer.sha256;
        status.appendChild(hash);
        var li = document.createElement('li');
        var box = document.createElement('input');
        box.type = 'checkbox'; box.name = 'clipIds'; box.value = answer.id; box.id = 'clip-' + answer.id; box.checked = true;
        var label = document.createElement('label');
        label.htmlFor = box.id;
        label.textContent = answer.recordedAt + ' · ' + answer.size + ' bytes · SHA-256 ' + answer.sha256;
        li.appendChild(box); li.appendChild(label);
        document.getElementById('share-clips').appendChild(li);
      } else {
        bar.value = 0;
        var msg = answer && (answer.detail || answer.title) || ('Upload failed (' + xhr.status + ')');
        if (answer && answer.errors) { msg += ': ' + answer.errors.map(function (x) { return x.field + ' ' + x.message; }).join('; '); }
        status.textContent = msg;
      }
    };
    xhr.onerror = function () { status.textContent = 'The upload was interrupted.'; };
    xhr.send(file);
  });
})();
