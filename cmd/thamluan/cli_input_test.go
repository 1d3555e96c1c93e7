package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// themeIDs are the default codebook's theme ids, which a person should read as labels.
var themeIDs = []string{"shortcomings", "solutions", "digital-transformation", "private-enterprise"}

// TestSearchInput runs each case of the search command's input: its exit status and message.
func TestSearchInput(t *testing.T) {
	idx := demoIndex(t)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // what stderr must say
		stdout string // what stdout must say
	}{
		{"negative from", []string{"--from", "-5", "chuyển đổi số"}, exitFatal, "--from -5 không hợp lệ: cần một số từ 0 đến 10000", ""},
		{"from too deep", []string{"--from", "20000", "chuyển đổi số"}, exitFatal, "--from 20000 không hợp lệ", ""},
		{"negative size", []string{"--size", "-1", "chuyển đổi số"}, exitFatal, "--size -1 không hợp lệ: cần một số từ 1 đến 1000", ""},
		{"zero size", []string{"--size", "0", "chuyển đổi số"}, exitFatal, "--size 0 không hợp lệ", ""},
		{"huge size", []string{"--size", "100000", "chuyển đổi số"}, exitFatal, "--size 100000 không hợp lệ", ""},
		{"size not a number", []string{"--size", "abc", "chuyển đổi số"}, exitFatal, `giá trị "abc" của cờ -size không hợp lệ`, ""},
		{"paging numbers from from", []string{"--from", "1", "--size", "1", "chuyển đổi số"}, exitOK, "", "\n2. "},
		{"unknown theme flag", []string{"--theme", "nope", "chuyển đổi số"}, exitFatal, "không có chủ đề «nope» trong bộ mã. Các chủ đề hợp lệ: `shortcomings` (Hạn chế, yếu kém)", ""},
		{"unknown theme in the query", []string{"chuyển đổi số theme:nope"}, exitFatal, "không có chủ đề «nope»", ""},
		{"known theme in the query", []string{"theme:digital-transformation"}, exitOK, "", "kết quả cho"},
		{"unclosed quote", []string{`"chuyển đổi (số`}, exitFatal, "dấu ngoặc kép mở mà không đóng", ""},
		{"unclosed quote offers a query", []string{`"chuyển đổi (số`}, exitFatal, "Thử: chuyển đổi số", ""},
		{"no query", []string{}, exitFatal, "thiếu truy vấn", ""},
		{"bad sort", []string{"--sort", "random", "x"}, exitFatal, `--sort "random" không hợp lệ`, ""},
		{"facets on", []string{"--facets", "chuyển đổi số"}, exitOK, "", "\nChủ đề:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, append([]string{"search", "--index", idx}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) || !strings.Contains(stdout, tt.stdout) {
				t.Errorf("stderr %q, stdout %.300q; want %q and %q", stderr, stdout, tt.stderr, tt.stdout)
			}
		})
	}
	// Without --facets there are no facets; with it, themes are named by their labels.
	_, plain, _ := runCmd(t, "search", "--index", idx, "chuyển đổi số")
	_, faceted, _ := runCmd(t, "search", "--index", idx, "--facets", "chuyển đổi số")
	if strings.Contains(plain, "\nChủ đề:") || !strings.Contains(faceted, "\nChủ đề: ") || !strings.Contains(faceted, "Chuyển đổi số (") {
		t.Errorf("--facets changes nothing:\n%s\n---\n%s", plain, faceted)
	}
	var js struct{ Facets map[string]any }
	_, out, _ := runCmd(t, "search", "--index", idx, "--json", "chuyển đổi số")
	if err := json.Unmarshal([]byte(out), &js); err != nil || js.Facets != nil {
		t.Errorf("--json without --facets counts facets: %v %v", err, js.Facets)
	}
	for _, id := range themeIDs {
		if strings.Contains(faceted, id) {
			t.Errorf("search prints the theme id %q where a person reads it:\n%s", id, faceted)
		}
	}
	if strings.Contains(plain, "\n-") || !strings.Contains(plain, "\n1. ") {
		t.Errorf("hits are not numbered from 1:\n%s", plain)
	}
}

// TestRecsStatsThemesLabels checks recs, stats and themes name themes by label and refuse an
// unknown theme.
func TestRecsStatsThemesLabels(t *testing.T) {
	idx := demoIndex(t)
	if code, _, stderr := runCmd(t, "recs", "--index", idx, "--theme", "nope"); code != exitFatal || !strings.Contains(stderr, "Các chủ đề hợp lệ") {
		t.Errorf("recs --theme nope: exit %d, %s", code, stderr)
	}
	for _, args := range [][]string{{"recs", "--index", idx}, {"stats", "--index", idx}, {"themes", "--index", idx}} {
		code, out, stderr := runCmd(t, args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		if !strings.Contains(out, "Chuyển đổi số") {
			t.Errorf("%v: no theme label in:\n%.500s", args, out)
		}
		for _, id := range themeIDs {
			if strings.Contains(out, id) {
				t.Errorf("%v prints the theme id %q", args, id)
			}
		}
	}
	_, out, _ := runCmd(t, "recs", "--index", idx)
	if !strings.Contains(out, "“") || !strings.Contains(out, "[Tệp: ") {
		t.Errorf("recs citations are not written for a reader:\n%.600s", out)
	}
}

// TestFolderInput checks the command line's answer to folders: an empty folder is a warning
// with exit status 1; a missing path among good ones is skipped and reported, the rest done,
// exit status 1.
func TestFolderInput(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "trong")
	docs := filepath.Join(dir, "docs")
	os.MkdirAll(empty, 0o755)
	writeTestDocs(t, docs, 2)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"index an empty folder", []string{"index", "--quiet", "--index", filepath.Join(dir, "i1"), empty}, exitPartial, "thư mục " + empty + " không có tài liệu nào"},
		{"analyze an empty folder", []string{"analyze", empty}, exitPartial, "không tìm thấy tài liệu nào để đọc trong " + empty},
		{"index a missing path with good ones", []string{"index", "--quiet", "--index", filepath.Join(dir, "i2"), docs, filepath.Join(dir, "khong-co")},
			exitPartial, "bỏ qua: không tìm thấy " + filepath.Join(dir, "khong-co") + ": kiểm tra lại đường dẫn"},
		{"index an empty folder with good ones", []string{"index", "--quiet", "--index", filepath.Join(dir, "i3"), docs, empty}, exitPartial, "1 đường dẫn không đọc được hoặc không có tài liệu đã bị bỏ qua"},
		{"analyze a missing file only", []string{"analyze", filepath.Join(dir, "khong-co.txt")}, exitFatal, "không tìm thấy " + filepath.Join(dir, "khong-co.txt")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tt.code, tt.stderr)
			}
			if strings.Contains(stderr, "no such file") || strings.Contains(stderr, "discover") {
				t.Errorf("Go's error in English: %s", stderr)
			}
		})
	}
	if st := statsOf(t, filepath.Join(dir, "i2")); st.Documents != 2 {
		t.Errorf("%d documents indexed past the missing path, want 2", st.Documents)
	}
}

// TestUnreadableInput checks a folder and a file that cannot be read (mode 000) are skipped and
// reported, the rest indexed, exit status 1. Permissions do not bind root, so as root the
// command runs in a child process as the user nobody.
func TestUnreadableInput(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	writeTestDocs(t, docs, 4) // nam-2015 … nam-2018, one document each
	locked := filepath.Join(docs, "nam-2016")
	lockedFile := filepath.Join(docs, "nam-2017", "bao-cao-0002.txt")
	idx := filepath.Join(dir, "index")
	args := []string{"index", "--quiet", "--index", idx, docs}
	var code int
	var stderr string
	if os.Geteuid() == 0 {
		code, stderr = runAsNobody(t, dir, args, locked, lockedFile)
	} else {
		os.Chmod(locked, 0)
		os.Chmod(lockedFile, 0)
		defer os.Chmod(locked, 0o755)
		code, _, stderr = runCmd(t, args...)
	}
	if code != exitPartial {
		t.Errorf("exit %d, want 1; stderr %s", code, stderr)
	}
	for _, want := range []string{"bỏ qua: không có quyền đọc hoặc ghi " + locked, lockedFile, "không có quyền đọc"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "permission denied") {
		t.Errorf("Go's error in English:\n%s", stderr)
	}
	os.Chmod(locked, 0o755)
	os.Chmod(lockedFile, 0o644)
	if st := statsOf(t, idx); st.Documents != 2 {
		t.Errorf("%d documents indexed, want the 2 readable ones", st.Documents)
	}
}

// runAsNobody runs the command line in a copy of this test binary as the user nobody, over a
// tree under dir made readable to it except for the locked paths.
func runAsNobody(t *testing.T, dir string, args []string, locked ...string) (int, string) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "thamluan.test")
	data, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	const nobody = 65534
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil {
			os.Chown(p, nobody, nobody)
		}
		return nil
	})
	os.Chmod(dir, 0o755)
	for p := filepath.Dir(dir); strings.HasPrefix(p, os.TempDir()+string(filepath.Separator)); p = filepath.Dir(p) {
		os.Chmod(p, 0o755) // the folder t.TempDir made for this test
	}
	for p := filepath.Dir(dir); p != "/"; p = filepath.Dir(p) {
		if st, err := os.Stat(p); err == nil && st.Mode().Perm()&0o001 == 0 {
			t.Skipf("%s is closed to other users: cannot run the command as nobody", p)
		}
	}
	for _, p := range locked {
		os.Chmod(p, 0)
	}
	argv, _ := json.Marshal(args)
	cmd := exec.Command(bin, "-test.run=^TestHelperCommand$")
	cmd.Env = append(os.Environ(), "THAMLUAN_HELPER_ARGS="+string(argv), "HOME="+dir)
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), stderr.String()
	}
	if err != nil {
		t.Skipf("cannot run the command as nobody here (%v): skipping", err)
	}
	return 0, stderr.String()
}

// TestHelperCommand is the command line run by runAsNobody in a child process; in a plain test
// run it has nothing to do.
func TestHelperCommand(t *testing.T) {
	raw := os.Getenv("THAMLUAN_HELPER_ARGS")
	if raw == "" {
		return
	}
	var args []string
	if err := json.Unmarshal([]byte(raw), &args); err != nil {
		os.Exit(99)
	}
	os.Exit(run(t.Context(), &env{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin}, args))
}

// TestExportFileMode checks exported files are created 0666 less the umask, like any output.
func TestExportFileMode(t *testing.T) {
	idx := demoIndex(t)
	dir := t.TempDir()
	for _, tt := range []struct {
		umask int
		want  os.FileMode
	}{{0o022, 0o644}, {0o077, 0o600}} {
		old := syscall.Umask(tt.umask)
		out := filepath.Join(dir, "bao-cao.md")
		code, _, stderr := runCmd(t, "export", "--index", idx, "--format", "md", "--out", out)
		syscall.Umask(old)
		if code != 0 {
			t.Fatalf("export: exit %d: %s", code, stderr)
		}
		st, err := os.Stat(out)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != tt.want {
			t.Errorf("umask %03o: file mode %v, want %v", tt.umask, st.Mode().Perm(), tt.want)
		}
		os.Remove(out)
	}
	if code, _, stderr := runCmd(t, "export", "--index", idx, "--format", "md", "--out", filepath.Join(dir, "khong-co", "x.md")); code != exitFatal ||
		!strings.Contains(stderr, "không tạo được tệp xuất") || strings.Contains(stderr, "no such file") {
		t.Errorf("export to a missing folder: exit %d, %s", code, stderr)
	}
}
