// The little the interface does in the browser: copy buttons on the recommendations page, and
// the "Bộ lọc" button that folds the search filters away on a narrow screen.
document.documentElement.classList.add("js");

document.addEventListener("click", function (ev) {
  var t = ev.target.closest ? ev.target.closest("button.copy, button.filter-toggle") : null;
  if (!t) return;
  if (t.classList.contains("filter-toggle")) {
    var box = t.closest(".foldable");
    var open = box.classList.toggle("collapsed") === false;
    t.setAttribute("aria-expanded", open ? "true" : "false");
    return;
  }
  var text = t.getAttribute("data-copy") || "";
  var done = function () { t.textContent = "Đã chép"; setTimeout(function () { t.textContent = "Sao chép"; }, 1500); };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done);
    return;
  }
  var ta = document.createElement("textarea");
  ta.value = text;
  document.body.appendChild(ta);
  ta.select();
  try { document.execCommand("copy"); done(); } finally { document.body.removeChild(ta); }
});
