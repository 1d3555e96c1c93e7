package main

import (
	"archive/zip"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"thamluan/corpus/corpustest"
	"thamluan/index"
)

// Sentences of original text (written for these tests) from which small documents are built.
var testPlaces = []string{"An Hòa", "Bình Minh", "Đồng Tâm", "Phú Lộc", "Tân Thành", "Hưng Đạo", "Quyết Thắng", "Hòa Bình"}
var testTopics = []string{
	"sinh hoạt chi bộ định kỳ được chuẩn bị kỹ, mỗi tháng một chuyên đề",
	"đảng viên trẻ được giao việc cụ thể trong phong trào xây dựng nông thôn mới",
	"cấp ủy đối thoại trực tiếp với người dân về việc dồn điền đổi thửa",
	"chi bộ dùng nhóm trò chuyện trên điện thoại để gửi tài liệu trước buổi họp",
	"công tác phát triển đảng viên trong thanh niên hoàn thành quân sự được chú trọng",
}

// testDoc returns the text of an original small document, different for each n, with the given
// number of numbered sections after its title.
func testDoc(n, sections int) string {
	place := testPlaces[n%len(testPlaces)]
	var b strings.Builder
	fmt.Fprintf(&b, "BÁO CÁO SỐ %d CỦA CHI BỘ THÔN %s\n\n", n, strings.ToUpper(place))
	roman := []string{"I", "II", "III", "IV", "V", "VI", "VII"}
	heads := []string{"MỞ ĐẦU", "THỰC TRẠNG", "NGUYÊN NHÂN", "GIẢI PHÁP", "KẾT LUẬN", "KIẾN NGHỊ", "PHỤ LỤC"}
	for s := 0; s < sections; s++ {
		fmt.Fprintf(&b, "%s. %s\n\n", roman[s], heads[s])
		fmt.Fprintf(&b, "Tại thôn %s, %s; đây là mục %d của báo cáo số %d.\n\n", place, testTopics[(n+s)%len(testTopics)], s+1, n)
	}
	return b.String()
}

// writeTestDocs writes n original documents of three sections each into dir.
func writeTestDocs(t testing.TB, dir string, n int) {
	t.Helper()
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("nam-%d", 2015+i%4))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("bao-cao-%04d.txt", i)), []byte(testDoc(i, 3)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

type statsJSON struct {
	Documents int            `json:"documents"`
	Sections  int            `json:"sections"`
	Formats   map[string]int `json:"formats"`
	Workshops map[string]int `json:"workshops"`
	SizeBytes int64          `json:"size_bytes"`
}

func statsOf(t *testing.T, idx string) statsJSON {
	t.Helper()
	code, out, stderr := runCmd(t, "stats", "--index", idx, "--json")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, stderr)
	}
	var st statsJSON
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("stats: %v: %s", err, out)
	}
	return st
}

// indexRun runs `thamluan index --report` and returns its exit status and report.
func indexRun(t *testing.T, idx string, args ...string) (int, indexReport, string) {
	t.Helper()
	rp := filepath.Join(t.TempDir(), "report.json")
	code, _, stderr := runCmd(t, append([]string{"index", "--index", idx, "--quiet", "--report", rp}, args...)...)
	var rep indexReport
	if data, err := os.ReadFile(rp); err == nil {
		if err := json.Unmarshal(data, &rep); err != nil {
			t.Fatalf("report: %v", err)
		}
	}
	return code, rep, stderr
}

func TestIndexIncremental(t *testing.T) {
	dir := t.TempDir()
	docs, idx := filepath.Join(dir, "docs"), filepath.Join(dir, "index")
	writeTestDocs(t, docs, 12)
	code, rep, stderr := indexRun(t, idx, docs)
	if code != 0 || rep.Indexed != 12 || rep.Unchanged != 0 {
		t.Fatalf("first run: exit %d, %+v: %s", code, rep, stderr)
	}
	first := statsOf(t, idx)
	if first.Documents != 12 || first.Sections != 12*4 {
		t.Fatalf("first run: %d documents, %d sections; want 12 and 48", first.Documents, first.Sections)
	}
	// A second run reads nothing and changes nothing.
	code, rep, stderr = indexRun(t, idx, docs)
	if code != 0 || rep.Indexed != 0 || rep.Unchanged != 12 || rep.Bytes != 0 {
		t.Fatalf("second run: exit %d, %+v: %s", code, rep, stderr)
	}
	if again := statsOf(t, idx); again.Documents != first.Documents || again.Sections != first.Sections {
		t.Errorf("second run changed the index: %+v, was %+v", again, first)
	}
	// A file touched but not changed is examined, found identical and only its identity refreshed.
	p := filepath.Join(docs, "nam-2015", "bao-cao-0000.txt")
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(p, later, later); err != nil {
		t.Fatal(err)
	}
	if code, rep, _ = indexRun(t, idx, docs); code != 0 || rep.Indexed != 0 || rep.Unchanged != 12 || rep.Bytes == 0 {
		t.Errorf("touched run: exit %d, %+v; want 12 unchanged, one file examined", code, rep)
	}
	if code, rep, _ = indexRun(t, idx, docs); code != 0 || rep.Bytes != 0 {
		t.Errorf("after touch: exit %d, %+v; want nothing examined", code, rep)
	}
}

func TestIndexShrinkReplacesSections(t *testing.T) {
	dir := t.TempDir()
	docs, idx := filepath.Join(dir, "docs"), filepath.Join(dir, "index")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(docs, "bao-cao.txt")
	if err := os.WriteFile(p, []byte(testDoc(7, 5)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := indexRun(t, idx, docs); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if st := statsOf(t, idx); st.Sections != 6 {
		t.Fatalf("%d sections; want 6 (title and five parts)", st.Sections)
	}
	if err := os.WriteFile(p, []byte(testDoc(7, 2)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, rep, stderr := indexRun(t, idx, docs); code != 0 || rep.Indexed != 1 {
		t.Fatalf("exit %d, %+v: %s", code, rep, stderr)
	}
	ix, err := index.Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var ords []int
	var text []string
	err = ix.Sections(nil, func(s *index.SectionRecord) error {
		ords = append(ords, s.Ordinal)
		for _, x := range s.Sentences {
			text = append(text, x.Text)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(ords) != "[1 2 3]" {
		t.Errorf("sections after shrinking: %v; want [1 2 3]", ords)
	}
	if all := strings.Join(text, " "); strings.Contains(all, "mục 3") || strings.Contains(all, "mục 5") {
		t.Errorf("text of removed sections still stored: %s", all)
	}
	if st, _ := ix.Stats(); st.Documents != 1 || st.Sections != 3 {
		t.Errorf("stats %d documents, %d sections; want 1 and 3", st.Documents, st.Sections)
	}
}

func TestIndexPrune(t *testing.T) {
	dir := t.TempDir()
	docs, idx := filepath.Join(dir, "docs"), filepath.Join(dir, "index")
	writeTestDocs(t, docs, 6)
	other := filepath.Join(dir, "other")
	writeTestDocs(t, other, 1)
	if code, _, stderr := indexRun(t, idx, docs, other); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if err := os.Remove(filepath.Join(docs, "nam-2016", "bao-cao-0001.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(other); err != nil {
		t.Fatal(err)
	}
	// Without --prune nothing is removed.
	if _, rep, _ := indexRun(t, idx, docs); rep.Pruned != 0 || statsOf(t, idx).Documents != 7 {
		t.Fatalf("without --prune: %+v", rep)
	}
	// --prune removes only the gone files beneath the named folders.
	code, rep, stderr := indexRun(t, idx, "--prune", docs)
	if code != 0 || rep.Pruned != 1 {
		t.Fatalf("exit %d, %+v: %s", code, rep, stderr)
	}
	if st := statsOf(t, idx); st.Documents != 6 || st.Sections != 6*4 {
		t.Errorf("after prune: %+v; want 6 documents (5 left and the other folder's, not named)", st)
	}
}

// TestIndexFailures indexes good documents beside broken ones: the good are indexed, the broken
// are reported with reasons, and the run exits 1.
func TestIndexFailures(t *testing.T) {
	dir := t.TempDir()
	docs, idx := filepath.Join(dir, "docs"), filepath.Join(dir, "index")
	writeTestDocs(t, docs, 3)
	// A PDF cut off after its header, and a DOCX that is a zip without word/document.xml.
	if err := os.WriteFile(filepath.Join(docs, "cut.pdf"), []byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Ty"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(docs, "empty.docx"))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, _ := zw.Create("[Content_Types].xml")
	w.Write([]byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, rep, stderr := indexRun(t, idx, docs)
	if code != exitPartial {
		t.Fatalf("exit %d; want %d: %s", code, exitPartial, stderr)
	}
	if rep.Indexed != 3 || len(rep.Failed) != 2 {
		t.Fatalf("report %+v; want 3 indexed, 2 failed", rep)
	}
	for _, f := range rep.Failed {
		if f.Reason == "" || !strings.Contains(stderr, f.Path) {
			t.Errorf("failure %+v: want a reason, and the path in the summary:\n%s", f, stderr)
		}
	}
	if st := statsOf(t, idx); st.Documents != 3 {
		t.Errorf("%d documents; want 3", st.Documents)
	}
	// The shared damaged PDFs: some may be recovered, the rest must be reported, none may crash.
	bad := corpustest.Shared(t, "corpus/made/bad")
	code, rep, stderr = indexRun(t, filepath.Join(dir, "index-bad"), bad)
	if code != exitPartial || len(rep.Failed) == 0 {
		t.Fatalf("shared bad files: exit %d, %+v: %s", code, rep, stderr)
	}
	if rep.Indexed+len(rep.Failed) != rep.Files {
		t.Errorf("shared bad files: %d indexed + %d failed != %d files", rep.Indexed, len(rep.Failed), rep.Files)
	}
	for _, f := range rep.Failed {
		t.Logf("%s: %s", filepath.Base(f.Path), f.Reason)
	}
}

func TestIndexWorkshopAndStats(t *testing.T) {
	dir := t.TempDir()
	docs, idx := filepath.Join(dir, "docs"), filepath.Join(dir, "index")
	writeTestDocs(t, docs, 8) // nam-2015 .. nam-2018, two each
	toml := "title = \"Hội thảo công tác chi bộ năm 2016\"\ndate = \"2016-10-20\"\n"
	if err := os.WriteFile(filepath.Join(docs, "nam-2016", "workshop.toml"), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	note := "TIN HỘI THẢO\n\nChi bộ thôn Phú Lộc tổ chức hội nghị chuyên đề về công tác dân vận.\n"
	if err := os.WriteFile(filepath.Join(docs, "nam-2016", "tin.md"), []byte(note), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := indexRun(t, idx, docs); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	st := statsOf(t, idx)
	if st.Documents != 9 || st.Formats["txt"] != 9 {
		t.Errorf("stats %+v; want 9 text documents", st)
	}
	if st.Workshops["Hội thảo công tác chi bộ năm 2016"] != 3 {
		t.Errorf("workshops %v; want the 2016 workshop on its three documents", st.Workshops)
	}
	if st.SizeBytes <= 0 {
		t.Errorf("index size %d", st.SizeBytes)
	}
	code, out, _ := runCmd(t, "stats", "--index", idx)
	if code != 0 || !strings.Contains(out, "Hội thảo công tác chi bộ năm 2016: 3") || !strings.Contains(out, "dung lượng chỉ mục") {
		t.Errorf("stats text:\n%s", out)
	}
}

func TestIndexInUse(t *testing.T) {
	dir := t.TempDir()
	docs, idx := filepath.Join(dir, "docs"), filepath.Join(dir, "index")
	writeTestDocs(t, docs, 2)
	if code, _, stderr := indexRun(t, idx, docs); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	w, err := index.OpenWriter(idx)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("chỉ mục đang được dùng bởi tiến trình %d", os.Getpid())
	for _, args := range [][]string{{"index", "--index", idx, docs}, {"stats", "--index", idx}, {"search", "--index", idx, "chi bộ"}} {
		code, _, stderr := runCmd(t, args...)
		if code != exitFatal || !strings.Contains(stderr, want) {
			t.Errorf("%s while a writer holds the index: exit %d, %q; want %q", args[0], code, stderr, want)
		}
	}
	w.Close()
	if st := statsOf(t, idx); st.Documents != 2 {
		t.Errorf("after the writer closed: %+v", st)
	}
}

func TestIndexIncludeExclude(t *testing.T) {
	dir := t.TempDir()
	docs, idx := filepath.Join(dir, "docs"), filepath.Join(dir, "index")
	writeTestDocs(t, docs, 8)
	code, rep, stderr := indexRun(t, idx, "--include", "*.txt", "--exclude", "nam-2016/*", "--exclude", "*-0007.txt", docs)
	if code != 0 || rep.Files != 5 || rep.Indexed != 5 {
		t.Fatalf("exit %d, %+v; want 5 files (8 less two in nam-2016 less 0007): %s", code, rep, stderr)
	}
}

// TestFlusherStopsAtFirstError writes batches through the flusher into an index that cannot take
// them (opened for reading): the error comes back from send or close, and nothing is written.
func TestFlusherStopsAtFirstError(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	w, err := index.Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	rec := &index.DocRecord{Path: "a.txt", Hash: "00"}
	f := startFlusher()
	var got error
	for i := 0; i < 3 && got == nil; i++ {
		b := ix.NewBatch()
		if err := b.Touch(rec, int64(i), time.Now()); err != nil {
			t.Fatal(err)
		}
		got = f.send(b)
	}
	if got == nil {
		got = f.close()
	}
	if !errors.Is(got, index.ErrReadOnly) {
		t.Fatalf("flusher error = %v, want %v", got, index.ErrReadOnly)
	}
	if r, err := ix.Record("a.txt"); err != nil || r != nil {
		t.Errorf("record after failed batches = %v, %v; want none", r, err)
	}
}
