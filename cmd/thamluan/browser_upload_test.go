package main

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBrowserUpload drives headless Chromium through the upload page of a running server: it
// chooses a file in the file input, names a new workshop, sends, waits for the job to end on the
// page, then searches for the document's words and checks it is found. `make test-browser` runs
// it.
func TestBrowserUpload(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped under -short (run `make test-browser`)")
	}
	chromium := findChromium()
	if chromium == "" {
		t.Skip("chromium is not installed (Debian: apt-get install -y chromium; `make test-browser` does it): skipping the browser test")
	}
	bin := liveBinary(t)
	dir := t.TempDir()
	writeTestDocs(t, filepath.Join(dir, "docs"), 2)
	if out, err := runIn(dir, bin, "index", "--quiet", "--index", "ix", "docs"); err != nil {
		t.Fatalf("first run: %v\n%s", err, out)
	}
	file := filepath.Join(dir, "chon", "hop-tac-xa-che.txt")
	os.MkdirAll(filepath.Dir(file), 0o755)
	text := "HỢP TÁC XÃ CHÈ ĐỒI CAO\n\nI. KẾT QUẢ\n\nHợp tác xã chè đã mở gian hàng trực tuyến, bán được gấp đôi so với năm trước.\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startServe(t, bin, dir, "ix")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	page := startChromium(ctx, t, chromium, s.base+"/upload")
	defer page.Close()

	page.waitFor(t, `document.readyState === "complete" && !!document.getElementById("files")`)
	doc := page.call(t, "DOM.getDocument", map[string]any{})
	root := doc["root"].(map[string]any)["nodeId"]
	input := page.call(t, "DOM.querySelector", map[string]any{"nodeId": root, "selector": "#files"})
	page.call(t, "DOM.setFileInputFiles", map[string]any{"nodeId": input["nodeId"], "files": []string{file}})
	page.waitFor(t, `document.querySelectorAll("#chosen li").length === 1`)
	page.call(t, "Runtime.evaluate", map[string]any{"expression": `document.getElementById("ws-title").value = "Hội thảo kinh tế hợp tác vùng chè"; document.getElementById("send").click()`})
	page.waitFor(t, `document.getElementById("status").textContent.indexOf("Xong") === 0`)
	if st := page.eval(t, `document.getElementById("status").textContent`); !strings.Contains(st, "tìm được") {
		t.Errorf("the page says %q after the upload", st)
	}
	if job := page.eval(t, `document.querySelector("#job-live .job").textContent`); !strings.Contains(job, "lập chỉ mục 1") {
		t.Errorf("the job on the page: %q", job)
	}
	page.call(t, "Page.navigate", map[string]any{"url": s.base + "/search?q=" + "gian+hang+truc+tuyen"})
	page.waitFor(t, `location.pathname === "/search" && document.readyState === "complete" && !!document.querySelector(".total")`)
	hits := page.eval(t, `Array.from(document.querySelectorAll(".hit")).map(h => h.textContent).join("|")`)
	if !strings.Contains(strings.ToLower(hits), "hợp tác xã chè") {
		t.Errorf("the search page does not find the uploaded document: %.300s", hits)
	}
	shot := page.call(t, "Page.captureScreenshot", map[string]any{"format": "png"})
	if png, err := base64.StdEncoding.DecodeString(shot["data"].(string)); err == nil {
		out := filepath.Join(os.TempDir(), "thamluan-browser-upload.png")
		if os.WriteFile(out, png, 0o644) == nil {
			t.Logf("screenshot of the search after the upload: %s", out)
		}
	}
}
