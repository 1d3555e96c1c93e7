package main

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/websocket"
)

// TestBrowserSearch drives headless Chromium through the Chrome DevTools Protocol: it opens the
// search page of the demo index, types a query without diacritics into the search box, presses
// Enter and checks the results page highlights the accented words. It saves a screenshot in the
// system's temporary folder. `make test-browser` installs Chromium and runs it.
func TestBrowserSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped under -short (run `make test-browser`)")
	}
	chromium := findChromium()
	if chromium == "" {
		t.Skip("chromium is not installed (Debian: apt-get install -y chromium; `make test-browser` does it): skipping the browser test")
	}
	srv := demoServer(t, demoIndex(t))
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	page := startChromium(ctx, t, chromium, srv.URL+"/")
	defer page.Close()

	page.waitFor(t, `document.readyState === "complete" && !!document.getElementById("q")`)
	page.call(t, "Runtime.evaluate", map[string]any{"expression": `document.getElementById("q").focus()`})
	for _, r := range "chuyen doi so" {
		page.call(t, "Input.dispatchKeyEvent", map[string]any{"type": "keyDown", "text": string(r), "key": string(r)})
		page.call(t, "Input.dispatchKeyEvent", map[string]any{"type": "keyUp", "key": string(r)})
	}
	if v := page.eval(t, `document.getElementById("q").value`); v != "chuyen doi so" {
		t.Fatalf("the search box holds %q after typing", v)
	}
	enter := map[string]any{"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "nativeVirtualKeyCode": 13}
	page.call(t, "Input.dispatchKeyEvent", merge(enter, map[string]any{"type": "keyDown", "text": "\r"}))
	page.call(t, "Input.dispatchKeyEvent", merge(enter, map[string]any{"type": "keyUp"}))
	page.waitFor(t, `location.pathname === "/search" && document.readyState === "complete"`)

	marks := page.eval(t, `Array.from(document.querySelectorAll(".snippet mark")).map(m => m.textContent.toLowerCase()).join("|")`)
	if !strings.Contains(marks, "chuyển đổi số") {
		t.Errorf("no snippet highlights «chuyển đổi số»; marked: %s", marks)
	}
	if total := page.eval(t, `document.querySelector(".total").textContent`); !strings.Contains(total, "kết quả cho «chuyen doi so»") {
		t.Errorf("results header %q", total)
	}
	shot := page.call(t, "Page.captureScreenshot", map[string]any{"format": "png"})
	png, err := base64.StdEncoding.DecodeString(shot["data"].(string))
	if err != nil || len(png) < 1000 {
		t.Fatalf("screenshot: %v (%d bytes)", err, len(png))
	}
	out := filepath.Join(os.TempDir(), "thamluan-browser-search.png")
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of the results page: %s", out)
}

func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func merge(a, b map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

// cdpPage is a DevTools connection to one page of a headless Chromium.
type cdpPage struct {
	ws        *websocket.Conn
	cmd       *exec.Cmd
	nextID    int
	browserWS string // the browser target, to close it
	profile   string
}

// startChromium starts headless Chromium on url with a fresh profile and connects to its page.
func startChromium(ctx context.Context, t *testing.T, chromium, url string) *cdpPage {
	t.Helper()
	// The profile is not t.TempDir(): Chromium's helpers may still write to it while the test
	// cleans up, so Close removes it after the whole process group is gone.
	profile, err := os.MkdirTemp("", "thamluan-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir="+profile,
		"--remote-debugging-port=0", "--remote-allow-origins=*", "--window-size=1200,1400", url)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // its own group, so Close ends its helpers too
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", chromium, err)
	}
	p := &cdpPage{cmd: cmd, profile: profile}
	listening := regexp.MustCompile(`DevTools listening on (ws://([^/]+)/\S+)`)
	sc := bufio.NewScanner(stderr)
	host := ""
	for host == "" && sc.Scan() {
		if m := listening.FindStringSubmatch(sc.Text()); m != nil {
			p.browserWS, host = m[1], m[2]
		}
	}
	go io.Copy(io.Discard, stderr)
	if host == "" {
		p.Close()
		t.Fatalf("chromium printed no DevTools address")
	}
	wsURL := pageTarget(t, host)
	p.ws, err = websocket.Dial(wsURL, "", "http://"+host+"/")
	if err != nil {
		p.Close()
		t.Fatalf("connect to %s: %v", wsURL, err)
	}
	return p
}

// pageTarget returns the DevTools websocket of the browser's page.
func pageTarget(t *testing.T, host string) string {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		res, err := http.Get("http://" + host + "/json/list")
		if err != nil {
			continue
		}
		var targets []struct{ Type, WebSocketDebuggerURL string }
		err = json.NewDecoder(res.Body).Decode(&targets)
		res.Body.Close()
		for _, tg := range targets {
			if err == nil && tg.Type == "page" && tg.WebSocketDebuggerURL != "" {
				return tg.WebSocketDebuggerURL
			}
		}
	}
	t.Fatalf("chromium at %s shows no page", host)
	return ""
}

// call sends one DevTools command and returns its result, skipping events in between.
func (p *cdpPage) call(t *testing.T, method string, params map[string]any) map[string]any {
	t.Helper()
	p.nextID++
	id := p.nextID
	if err := websocket.JSON.Send(p.ws, map[string]any{"id": id, "method": method, "params": params}); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	p.ws.SetReadDeadline(time.Now().Add(20 * time.Second))
	for {
		var msg struct {
			ID     int             `json:"id"`
			Result map[string]any  `json:"result"`
			Error  json.RawMessage `json:"error"`
		}
		if err := websocket.JSON.Receive(p.ws, &msg); err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		if msg.ID != id {
			continue
		}
		if len(msg.Error) > 0 {
			t.Fatalf("%s: %s", method, msg.Error)
		}
		return msg.Result
	}
}

// eval evaluates a JavaScript expression in the page and returns its value as text.
func (p *cdpPage) eval(t *testing.T, expr string) string {
	t.Helper()
	res := p.call(t, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true})
	r, _ := res["result"].(map[string]any)
	return fmt.Sprint(r["value"])
}

// waitFor polls a JavaScript condition until it holds, for up to 15 seconds.
func (p *cdpPage) waitFor(t *testing.T, cond string) {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if p.eval(t, "!!("+cond+")") == "true" {
			return
		}
	}
	t.Fatalf("timed out waiting for %s (page at %s)", cond, p.eval(t, "location.href"))
}

// Close asks the browser this test started to quit, ends its process group if it has not within
// five seconds, and removes its profile.
func (p *cdpPage) Close() {
	if p.ws != nil {
		p.ws.Close()
	}
	if bw, err := websocket.Dial(p.browserWS, "", "http://localhost/"); err == nil {
		websocket.JSON.Send(bw, map[string]any{"id": 1, "method": "Browser.close"})
		bw.Close()
	}
	exited := make(chan struct{})
	go func() { p.cmd.Wait(); close(exited) }()
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
	}
	if p.cmd.Process != nil {
		syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL) // the group of the browser started above
		<-exited
	}
	for i := 0; i < 20 && os.RemoveAll(p.profile) != nil; i++ {
		time.Sleep(100 * time.Millisecond)
	}
}
