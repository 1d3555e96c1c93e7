// The upload page: files and folders are dropped or chosen, sent with fetch as multipart form
// data (the CSRF token first), and the job that indexes them is followed until it ends.
(function () {
  var form = document.getElementById("upload");
  if (!form) return;
  var drop = document.getElementById("drop");
  var chosen = document.getElementById("chosen");
  var status = document.getElementById("status");
  var dropped = [];

  function list() {
    var names = dropped.map(function (f) { return f.name; });
    ["files", "folder"].forEach(function (id) {
      Array.prototype.forEach.call(document.getElementById(id).files, function (f) { names.push(f.name); });
    });
    chosen.innerHTML = "";
    names.forEach(function (n) { var li = document.createElement("li"); li.textContent = n; chosen.appendChild(li); });
  }
  document.getElementById("files").addEventListener("change", list);
  document.getElementById("folder").addEventListener("change", list);

  // walk reads a dropped folder entry recursively into dropped.
  function walk(entry) {
    return new Promise(function (resolve) {
      if (entry.isFile) {
        entry.file(function (f) { dropped.push(f); resolve(); }, function () { resolve(); });
        return;
      }
      var reader = entry.createReader(), all = [];
      (function more() {
        reader.readEntries(function (es) {
          if (!es.length) { Promise.all(all.map(walk)).then(resolve); return; }
          all = all.concat(Array.prototype.slice.call(es));
          more();
        }, function () { resolve(); });
      })();
    });
  }
  ["dragenter", "dragover"].forEach(function (t) {
    drop.addEventListener(t, function (ev) { ev.preventDefault(); drop.classList.add("over"); });
  });
  drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
  drop.addEventListener("drop", function (ev) {
    ev.preventDefault();
    drop.classList.remove("over");
    var items = ev.dataTransfer.items, waits = [];
    for (var i = 0; items && i < items.length; i++) {
      var en = items[i].webkitGetAsEntry && items[i].webkitGetAsEntry();
      if (en) waits.push(walk(en));
    }
    if (!waits.length) Array.prototype.push.apply(dropped, ev.dataTransfer.files);
    Promise.all(waits).then(list);
  });

  function say(text, bad) { status.textContent = text; status.className = bad ? "err" : ""; }

  function render(j) {
    var box = document.getElementById("job-live");
    var old = document.querySelector('.job[data-job="' + j.id + '"]:not(#job-live .job)');
    if (old) old.remove();
    var div = document.createElement("div");
    div.className = "job " + j.state;
    div.setAttribute("data-job", j.id);
    var p = document.createElement("p");
    p.textContent = "Việc " + j.id + " · " + j.title + " · " + j.state_text + " · đã đọc " + j.done + "/" + j.files +
      " tệp, lập chỉ mục " + j.indexed + ", không đổi " + j.unchanged + ", lỗi " + j.failed.length;
    div.appendChild(p);
    if (j.error) { var e = document.createElement("p"); e.className = "err"; e.textContent = j.error; div.appendChild(e); }
    if (j.failed.length) {
      var ul = document.createElement("ul"); ul.className = "failed";
      j.failed.forEach(function (f) {
        var li = document.createElement("li"), b = document.createElement("strong");
        b.textContent = f.name; li.appendChild(b); li.appendChild(document.createTextNode(": " + f.reason));
        ul.appendChild(li);
      });
      div.appendChild(ul);
    }
    box.innerHTML = "";
    box.appendChild(div);
  }

  function follow(id) {
    fetch("/api/jobs/" + id, { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); }).then(function (j) {
      render(j);
      if (j.state === "queued" || j.state === "running") { setTimeout(function () { follow(id); }, 700); return; }
      say(j.failed.length ? "Xong; có " + j.failed.length + " tệp lỗi (xem bên dưới)." : "Xong: các tài liệu đã tìm được.", j.failed.length > 0);
    }).catch(function () { setTimeout(function () { follow(id); }, 1500); });
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var fd = new FormData();
    fd.append("csrf", form.elements.csrf.value);
    var ws = form.querySelector('input[name="workshop"]:checked');
    fd.append("workshop", ws ? ws.value : "new");
    ["title", "date", "place"].forEach(function (n) { fd.append(n, form.elements[n].value); });
    var n = 0;
    dropped.forEach(function (f) { fd.append("files", f, f.name); n++; });
    ["files", "folder"].forEach(function (id) {
      Array.prototype.forEach.call(document.getElementById(id).files, function (f) { fd.append("files", f, f.name); n++; });
    });
    if (!n) { say("Chưa chọn tệp nào.", true); return; }
    say("Đang tải lên " + n + " tệp…");
    fetch("/upload", { method: "POST", body: fd, headers: { Accept: "application/json", "X-CSRF-Token": form.elements.csrf.value } })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, b: b }; }); })
      .then(function (res) {
        if (!res.ok) { say("Không tải lên được: " + (res.b.error || "lỗi"), true); return; }
        say("Đã nhận " + res.b.files.length + " tệp; đang lập chỉ mục…");
        dropped = []; form.reset(); list();
        follow(res.b.job);
      }).catch(function (e) { say("Không tải lên được: " + e, true); });
  });
})();
