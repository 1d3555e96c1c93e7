package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestBrowserLayout opens the interface's pages in headless Chromium at 1280 and 390 px wide —
// home, results with facets, a document, themes, recommendations, a malformed query and a
// missing page — and measures them: no sideways scroll, the first result within the first
// screen, the filters folded behind «Bộ lọc» on the phone, every chart label inside its SVG box,
// and axe-core (when `make test-browser` has installed it) finding no serious or critical
// accessibility violation. Screenshots go to the system's temporary folder.
func TestBrowserLayout(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped under -short (run `make test-browser`)")
	}
	chromium := findChromium()
	if chromium == "" {
		t.Skip("chromium is not installed (Debian: apt-get install -y chromium; `make test-browser` does it): skipping the browser test")
	}
	axe := axeSource(t)
	srv := demoServer(t, demoIndex(t))
	res, err := http.Get(srv.URL + "/api/search?q=chuyen+doi+so")
	if err != nil {
		t.Fatal(err)
	}
	var found struct{ Hits []struct{ Path string } }
	json.NewDecoder(res.Body).Decode(&found)
	res.Body.Close()
	if len(found.Hits) == 0 {
		t.Fatal("the demo index has no hit for chuyen doi so")
	}
	// The recurring proposals and the comparison are drawn over the four workshops of
	// testdata/recurring, where threads span three years.
	rsrv := demoServer(t, recurringIndex(t))
	pages := []struct{ name, path, base string }{
		{"home", "/", ""},
		{"results", "/search?q=chuyen+doi+so", ""},
		{"document", "/doc?path=" + url.QueryEscape(found.Hits[0].Path), ""},
		{"themes", "/themes", ""},
		{"recs", "/recs", ""},
		{"query-error", "/search?q=" + url.QueryEscape(`"chuyển đổi (số`), ""},
		{"not-found", "/khong-co", ""},
		{"recurring", "/recurring", rsrv.URL},
		{"compare", "/compare?a=2022&b=2023-2024", rsrv.URL},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	page := startChromium(ctx, t, chromium, "about:blank")
	defer page.Close()
	for _, width := range []int{1280, 390} {
		height := 900
		if width < 700 {
			height = 844
		}
		page.call(t, "Emulation.setDeviceMetricsOverride", map[string]any{"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 700})
		for _, p := range pages {
			t.Run(fmt.Sprintf("%s-%d", p.name, width), func(t *testing.T) {
				base := srv.URL
				if p.base != "" {
					base = p.base
				}
				page.open(t, base+p.path)
				sw := page.eval(t, `document.documentElement.scrollWidth + " " + innerWidth`)
				if !fits(sw) {
					t.Errorf("the page scrolls sideways: scrollWidth, innerWidth = %s", sw)
				}
				t.Logf("scrollWidth, innerWidth: %s", sw)
				switch p.name {
				case "results":
					checkResults(t, page, width)
				case "themes":
					checkCharts(t, page)
					checkFocus(t, page)
				case "query-error":
					checkQueryError(t, page)
				case "recurring", "compare":
					if n := page.eval(t, `String(document.querySelectorAll("li.thread").length)`); n == "0" {
						t.Errorf("no recurring proposal drawn on %s", p.path)
					}
					if p.name == "recurring" {
						checkInsideSVG(t, page, "svg.timeline circle")
					} else {
						checkInsideSVG(t, page, "svg.share rect")
						// the bars are drawn to their share: 0% draws nothing
						if w := page.eval(t, `String(Math.round([...document.querySelectorAll("svg.share rect.a")].map(r => r.getBoundingClientRect().width).reduce((a, b) => Math.min(a, b))))`); w != "0" {
							t.Errorf("the narrowest share bar of side A is %s px wide; the 0%% share should draw none", w)
						}
					}
				case "not-found":
					if h := page.eval(t, `document.querySelector("h1").textContent`); !strings.Contains(h, "Không tìm thấy") {
						t.Errorf("error page heading %q", h)
					}
				}
				if axe != "" {
					checkAxe(t, page, axe)
				}
				page.screenshot(t, filepath.Join(os.TempDir(), fmt.Sprintf("thamluan-%s-%d.png", p.name, width)))
			})
		}
	}
}

// fits reads "scrollWidth innerWidth" and reports whether the page fits its width.
func fits(s string) bool {
	var sw, iw int
	fmt.Sscan(s, &sw, &iw)
	return iw > 0 && sw <= iw
}

// checkFocus presses Tab twice on a freshly opened page and checks the focused element shows a visible outline, the first
// being the link that skips to the content.
func checkFocus(t *testing.T, page *cdpPage) {
	t.Helper()
	tab := map[string]any{"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9, "nativeVirtualKeyCode": 9}
	for i := 0; i < 2; i++ {
		page.call(t, "Input.dispatchKeyEvent", merge(tab, map[string]any{"type": "keyDown"}))
		page.call(t, "Input.dispatchKeyEvent", merge(tab, map[string]any{"type": "keyUp"}))
		got := page.eval(t, `(() => { const a = document.activeElement, s = getComputedStyle(a), r = a.getBoundingClientRect();
		  return a.textContent.trim() + "|" + s.outlineStyle + "|" + s.outlineWidth + "|" + (r.left >= 0 && r.right <= innerWidth) })()`)
		parts := strings.Split(got, "|")
		if len(parts) != 4 || parts[1] == "none" || parts[2] == "0px" || parts[3] != "true" {
			t.Errorf("Tab %d: focus not visible: %s", i+1, got)
		}
		if i == 0 && parts[0] != "Bỏ qua, đến nội dung chính" {
			t.Errorf("the first Tab focuses %q, want the skip link", parts[0])
		}
	}
}

func checkResults(t *testing.T, page *cdpPage, width int) {
	t.Helper()
	if top := page.eval(t, `(() => { const h = document.querySelector(".hit"); return h ? Math.round(h.getBoundingClientRect().top) + " " + innerHeight : "none" })()`); top == "none" {
		t.Fatalf("no result on the page")
	} else {
		var y, h int
		fmt.Sscan(top, &y, &h)
		if y+60 > h {
			t.Errorf("the first result starts at %d px, below the first screen (%d px)", y, h)
		}
		t.Logf("first result at %d px of a %d px screen", y, h)
	}
	lists := `getComputedStyle(document.querySelector(".facet-lists")).display`
	toggle := `getComputedStyle(document.querySelector(".filter-toggle")).display`
	if width < 700 {
		if d := page.eval(t, lists); d != "none" {
			t.Errorf("on a phone the filters should be folded behind «Bộ lọc»; display %s", d)
		}
		if d := page.eval(t, toggle); d == "none" {
			t.Fatalf("no «Bộ lọc» button on the phone")
		}
		page.eval(t, `document.querySelector(".filter-toggle").click()`)
		if d := page.eval(t, lists); d == "none" || page.eval(t, `document.querySelector(".filter-toggle").getAttribute("aria-expanded")`) != "true" {
			t.Errorf("«Bộ lọc» does not open the filters")
		}
		if sw := page.eval(t, `document.documentElement.scrollWidth + " " + innerWidth`); !fits(sw) {
			t.Errorf("the open filters scroll sideways: %s", sw)
		}
	} else if page.eval(t, lists) == "none" || page.eval(t, toggle) != "none" {
		t.Errorf("on a wide screen the filters should be shown beside the results")
	}
	if n := page.eval(t, `document.querySelectorAll(".facets li a").length`); n == "0" {
		t.Errorf("no facet links")
	}
}

// checkCharts checks every text of every chart lies inside its SVG's box, and the years run in order.
func checkCharts(t *testing.T, page *cdpPage) {
	t.Helper()
	out := page.eval(t, `(() => {
	  const bad = []; let n = 0;
	  for (const svg of document.querySelectorAll("figure.chart svg")) {
	    const box = svg.getBoundingClientRect();
	    for (const tx of svg.querySelectorAll("text")) {
	      n++;
	      const r = tx.getBoundingClientRect();
	      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
	        bad.push(tx.textContent + " [" + Math.round(r.left) + "-" + Math.round(r.right) + " in " + Math.round(box.left) + "-" + Math.round(box.right) + "]");
	    }
	  }
	  return JSON.stringify({n, bad});
	})()`)
	var res struct {
		N   int
		Bad []string
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if res.N == 0 {
		t.Fatalf("no chart text on the themes page")
	}
	for _, b := range res.Bad {
		t.Errorf("chart label outside its SVG box: %s", b)
	}
	t.Logf("%d chart texts, %d outside their SVG box", res.N, len(res.Bad))
	years := page.eval(t, `Array.from(document.querySelectorAll("figure.chart")).filter(f => f.querySelector("figcaption").textContent === "Theo năm").map(f => Array.from(f.querySelectorAll("text.lbl")).map(x => x.textContent).join(",")).join("|")`)
	for _, chart := range strings.Split(years, "|") {
		ys := strings.Split(chart, ",")
		for i := 1; i < len(ys); i++ {
			if ys[i] < ys[i-1] {
				t.Errorf("years out of order: %s", chart)
			}
		}
	}
}

func checkQueryError(t *testing.T, page *cdpPage) {
	t.Helper()
	if v := page.eval(t, `document.getElementById("q").value`); v != `"chuyển đổi (số` {
		t.Errorf("the search box holds %q after a malformed query", v)
	}
	if m := page.eval(t, `(document.querySelector("mark.bad") || {}).textContent`); m != `"` {
		t.Errorf("the problem is not marked: %q", m)
	}
	if fix := page.eval(t, `(document.querySelector(".problem a") || {}).textContent`); fix != "chuyển đổi số" {
		t.Errorf("offered query %q, want «chuyển đổi số»", fix)
	}
	if inv := page.eval(t, `document.getElementById("q").getAttribute("aria-invalid")`); inv != "true" {
		t.Errorf("the box is not marked invalid for screen readers")
	}
}

// axeSource returns axe-core's script, from THAMLUAN_AXE or the folder `make test-browser`
// installs it into; "" (the check skipped, said in the log) when it is not there.
func axeSource(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("THAMLUAN_AXE"), "../../.cache/npm/node_modules/axe-core/axe.min.js"} {
		if p == "" {
			continue
		}
		if data, err := os.ReadFile(p); err == nil {
			return string(data)
		}
	}
	t.Log("axe-core is not installed (`make test-browser` installs it with npm): the accessibility check is skipped")
	return ""
}

var axeRule = regexp.MustCompile(`^[a-z-]+$`)

// checkAxe runs axe-core on the page and fails on serious and critical violations.
func checkAxe(t *testing.T, page *cdpPage, axe string) {
	t.Helper()
	page.call(t, "Runtime.evaluate", map[string]any{"expression": axe})
	res := page.call(t, "Runtime.evaluate", map[string]any{"awaitPromise": true, "returnByValue": true, "expression": `axe.run(document, {resultTypes: ["violations"]}).then(r =>
	  JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))))`})
	r, _ := res["result"].(map[string]any)
	raw, _ := r["value"].(string)
	var vs []struct {
		ID, Impact, Help string
		Nodes            []string
	}
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		t.Fatalf("axe: %v: %v", err, res)
	}
	t.Logf("axe: %d violations", len(vs))
	for _, v := range vs {
		if !axeRule.MatchString(v.ID) {
			t.Fatalf("axe answered %+v", v)
		}
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Errorf("axe %s (%s): %s at %v", v.ID, v.Impact, v.Help, v.Nodes)
		} else {
			t.Logf("axe %s (%s): %s", v.ID, v.Impact, v.Help)
		}
	}
}

// open navigates to u and waits until the page has loaded.
func (p *cdpPage) open(t *testing.T, u string) {
	t.Helper()
	p.call(t, "Page.navigate", map[string]any{"url": u})
	b, _ := json.Marshal(u)
	p.waitFor(t, `location.href === `+string(b)+` && document.readyState === "complete"`)
}

// screenshot saves the page as a PNG at path.
func (p *cdpPage) screenshot(t *testing.T, path string) {
	t.Helper()
	shot := p.call(t, "Page.captureScreenshot", map[string]any{"format": "png"})
	png, err := base64.StdEncoding.DecodeString(fmt.Sprint(shot["data"]))
	if err != nil || len(png) < 1000 {
		t.Fatalf("screenshot: %v (%d bytes)", err, len(png))
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkInsideSVG checks that every element matched by sel lies inside the box of its SVG.
func checkInsideSVG(t *testing.T, page *cdpPage, sel string) {
	js := fmt.Sprintf(`(() => { let bad = 0, n = 0;
		for (const el of document.querySelectorAll(%q)) {
			n++; const r = el.getBoundingClientRect(), b = el.ownerSVGElement.getBoundingClientRect();
			if (r.left < b.left - 0.5 || r.right > b.right + 0.5 || r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5) bad++;
		}
		return n + " " + bad; })()`, sel)
	var n, bad int
	fmt.Sscan(page.eval(t, js), &n, &bad)
	if n == 0 || bad > 0 {
		t.Errorf("%s: %d drawn, %d outside their SVG box", sel, n, bad)
	}
}
