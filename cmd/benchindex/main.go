// Command benchindex measures `thamluan index` on the news articles of the shared scale corpus
// against the sqlite3 shell loading the same files into an FTS5 table. It writes the first N
// articles (and all of them) as .txt files into a temporary folder, times a first run, an
// unchanged re-run and the FTS5 load, and prints a table with the goals checked. With -floors
// (the default) it also times lower bounds on the same files: bare Bleve indexing one text field,
// the same field with the positions phrase queries and highlights need, and thamluan's index
// fields without reading, segmentation or tagging.
//
//	go run ./cmd/benchindex -thamluan bin/thamluan -news ../shared/corpus/scale/news.jsonl.gz
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"thamluan/index"
)

// article is one line of news.jsonl.gz (keys: id, title, lead, body, and others not used).
type article struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Lead  string `json:"lead"`
	Body  string `json:"body"`
}

// measure is one timed run of a program.
type measure struct {
	Wall   time.Duration
	CPU    time.Duration // user + system
	MaxRSS int64         // bytes
}

// row is the result for one corpus size.
type row struct {
	Files          int
	Bytes          int64
	Index, Rerun   measure
	FTS5           measure
	FTS5Two        measure   // an exact and a folded column, the fair peer of thamluan's two text fields
	Floors         []measure // in the order of floorModes
	IndexSizeBytes int64
}

func main() {
	bin := flag.String("thamluan", "bin/thamluan", "the thamluan `BINARY` to measure")
	news := flag.String("news", "../shared/corpus/scale/news.jsonl.gz", "the news articles (JSON Lines, gzip)")
	sizes := flag.String("sizes", "5000,all", "comma-separated article counts; all means every article")
	sqlite := flag.String("sqlite3", "sqlite3", "the sqlite3 shell")
	work := flag.String("work", "", "work `DIR` (a temporary folder, removed afterwards, when empty)")
	floors := flag.Bool("floors", true, "also time the floors: bare Bleve, and thamluan's index fields without the pipeline")
	floor := flag.String("floor", "", "internal: index -floor-docs into -floor-index as `MODE` (bleve, bleve-positions or fields), then exit")
	floorDocs := flag.String("floor-docs", "", "internal: the folder of .txt files for -floor")
	floorIndex := flag.String("floor-index", "", "internal: the index folder for -floor")
	flag.Parse()
	if *floor != "" {
		if err := runFloor(*floor, *floorDocs, *floorIndex); err != nil {
			fmt.Fprintln(os.Stderr, "benchindex:", err)
			os.Exit(1)
		}
		return
	}
	withFloors = *floors
	if err := run(*bin, *news, *sizes, *sqlite, *work); err != nil {
		fmt.Fprintln(os.Stderr, "benchindex:", err)
		os.Exit(1)
	}
}

func run(bin, news, sizes, sqlite, work string) error {
	if work == "" {
		tmp, err := os.MkdirTemp("", "benchindex-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		work = tmp
	}
	var rows []row
	for _, s := range strings.Split(sizes, ",") {
		n := -1
		if s = strings.TrimSpace(s); s != "all" {
			v, err := strconv.Atoi(s)
			if err != nil || v <= 0 {
				return fmt.Errorf("size %q: want a positive number or all", s)
			}
			n = v
		}
		r, err := benchSize(bin, news, sqlite, work, n)
		if err != nil {
			return err
		}
		rows = append(rows, r)
		fmt.Fprintf(os.Stderr, "%d articles: index %.1fs (CPU %.1fs, peak RSS %.0f MB), re-run %.2fs, FTS5 %.1fs\n",
			r.Files, r.Index.Wall.Seconds(), r.Index.CPU.Seconds(), float64(r.Index.MaxRSS)/(1<<20),
			r.Rerun.Wall.Seconds(), r.FTS5.Wall.Seconds())
	}
	printTable(os.Stdout, rows)
	return nil
}

// withFloors makes benchSize time the floor runs too.
var withFloors bool

// benchSize writes n articles (all when n < 0) and measures the three runs on them.
func benchSize(bin, news, sqlite, work string, n int) (row, error) {
	var r row
	name := "all"
	if n > 0 {
		name = strconv.Itoa(n)
	}
	docs := filepath.Join(work, "docs-"+name)
	var err error
	if r.Files, r.Bytes, err = writeArticles(news, docs, n); err != nil {
		return r, err
	}
	idx := filepath.Join(work, "index-"+name)
	if r.Index, err = timed(exec.Command(bin, "index", "--quiet", "--index", idx, docs)); err != nil {
		return r, fmt.Errorf("thamluan index (%d files): %w", r.Files, err)
	}
	if r.Rerun, err = timed(exec.Command(bin, "index", "--quiet", "--index", idx, docs)); err != nil {
		return r, fmt.Errorf("thamluan index, unchanged re-run: %w", err)
	}
	r.IndexSizeBytes = index.SizeOnDisk(idx)
	if r.FTS5, err = fts5Load(sqlite, filepath.Join(work, "fts-"+name+".db"), docs, false); err != nil {
		return r, err
	}
	if r.FTS5Two, err = fts5Load(sqlite, filepath.Join(work, "fts2-"+name+".db"), docs, true); err != nil {
		return r, err
	}
	if !withFloors {
		return r, nil
	}
	for _, mode := range floorModes {
		m, err := floorRun(mode, docs, filepath.Join(work, "floor-"+mode+"-"+name))
		if err != nil {
			return r, err
		}
		r.Floors = append(r.Floors, m)
	}
	return r, nil
}

// writeArticles writes the first n articles (all when n < 0) as title, lead and body in .txt
// files, a thousand to a folder, and returns the count and bytes written.
func writeArticles(news, dir string, n int) (int, int64, error) {
	f, err := os.Open(news)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return 0, 0, fmt.Errorf("%s: %w", news, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	count, bytes := 0, int64(0)
	for sc.Scan() && (n < 0 || count < n) {
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return 0, 0, fmt.Errorf("%s: line %d: %w", news, count+1, err)
		}
		sub := filepath.Join(dir, fmt.Sprintf("%03d", count/1000))
		if count%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return 0, 0, err
			}
		}
		text := a.Title + "\n\n" + a.Lead + "\n\n" + a.Body + "\n"
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("tin-%05d.txt", count)), []byte(text), 0o644); err != nil {
			return 0, 0, err
		}
		count++
		bytes += int64(len(text))
	}
	if err := sc.Err(); err != nil && !errors.Is(err, io.EOF) {
		return 0, 0, fmt.Errorf("%s: %w", news, err)
	}
	return count, bytes, nil
}

// fts5Load times the sqlite3 shell reading every file under docs into an FTS5 table whose
// tokenizer folds diacritics. With twoColumns the text is indexed twice, as thamluan indexes
// an exact and a folded field: FTS5 picks one tokenizer per table, so the exact column is a
// second table (diacritics kept) filled from the same read.
func fts5Load(sqlite, db, docs string, twoColumns bool) (measure, error) {
	if _, err := exec.LookPath(sqlite); err != nil {
		return measure{}, fmt.Errorf("%s not found (install the Debian package sqlite3): %w", sqlite, err)
	}
	os.Remove(db)
	dir := strings.ReplaceAll(docs, "'", "''")
	script := fmt.Sprintf(`CREATE VIRTUAL TABLE docs USING fts5(path, body, tokenize='unicode61 remove_diacritics 2');
INSERT INTO docs(path, body) SELECT name, CAST(readfile(name) AS TEXT) FROM fsdir('%s') WHERE name LIKE '%%.txt';
SELECT count(*) FROM docs;
`, dir)
	if twoColumns {
		script = fmt.Sprintf(`CREATE TABLE src(path TEXT, body TEXT);
CREATE VIRTUAL TABLE folded USING fts5(body, content='src', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE exact USING fts5(body, content='src', tokenize='unicode61 remove_diacritics 0');
BEGIN;
INSERT INTO src(path, body) SELECT name, CAST(readfile(name) AS TEXT) FROM fsdir('%s') WHERE name LIKE '%%.txt';
INSERT INTO folded(rowid, body) SELECT rowid, body FROM src;
INSERT INTO exact(rowid, body) SELECT rowid, body FROM src;
COMMIT;
SELECT count(*) FROM src;
`, dir)
	}
	cmd := exec.Command(sqlite, db)
	cmd.Stdin = strings.NewReader(script)
	return timed(cmd)
}

// timed runs cmd and returns its wall time, CPU time and peak resident set size.
func timed(cmd *exec.Cmd) (measure, error) {
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	m := measure{Wall: time.Since(start)}
	if err != nil {
		return m, fmt.Errorf("%v: %s", err, stderr.String())
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.CPU = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		m.MaxRSS = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return m, nil
}

func printTable(w io.Writer, rows []row) {
	mb := func(b int64) float64 { return float64(b) / (1 << 20) }
	fmt.Fprintf(w, "| articles | MB | thamluan wall | CPU | MB/s | peak RSS | index MB | re-run | FTS5 wall | FTS5 CPU | wall ×FTS5 | CPU ×FTS5 |\n")
	fmt.Fprintf(w, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		fmt.Fprintf(w, "| %d | %.1f | %.1fs | %.1fs | %.2f | %.0f MB | %.0f | %.2fs | %.1fs | %.1fs | %.1f | %.1f |\n",
			r.Files, mb(r.Bytes), r.Index.Wall.Seconds(), r.Index.CPU.Seconds(), mb(r.Bytes)/r.Index.Wall.Seconds(),
			mb(r.Index.MaxRSS), mb(r.IndexSizeBytes), r.Rerun.Wall.Seconds(), r.FTS5.Wall.Seconds(), r.FTS5.CPU.Seconds(),
			r.Index.Wall.Seconds()/r.FTS5.Wall.Seconds(), r.Index.CPU.Seconds()/max(r.FTS5.CPU.Seconds(), 1e-3))
	}
	fmt.Fprintln(w)
	if len(rows[0].Floors) == len(floorModes) {
		fmt.Fprintf(w, "Floors, on the same files in the same run (child processes):\n\n")
		fmt.Fprintf(w, "| articles | run | wall | CPU | peak RSS | wall ×FTS5 | CPU ×FTS5 |\n|---:|---|---:|---:|---:|---:|---:|\n")
		for _, r := range rows {
			for _, f := range []struct {
				name string
				m    measure
			}{{"FTS5 (sqlite3)", r.FTS5}, {"FTS5, exact and folded column", r.FTS5Two}, {"bare Bleve, one field", r.Floors[0]}, {"bare Bleve, one field with positions", r.Floors[1]},
				{"thamluan fields, no pipeline", r.Floors[2]}, {"thamluan index", r.Index}} {
				fmt.Fprintf(w, "| %d | %s | %.1fs | %.1fs | %.0f MB | %.1f | %.1f |\n", r.Files, f.name, f.m.Wall.Seconds(),
					f.m.CPU.Seconds(), mb(f.m.MaxRSS), f.m.Wall.Seconds()/r.FTS5.Wall.Seconds(), f.m.CPU.Seconds()/max(r.FTS5.CPU.Seconds(), 1e-3))
			}
		}
		fmt.Fprintln(w)
	}
	for _, r := range rows {
		goal(w, fmt.Sprintf("%d articles: at most 10× FTS5's time", r.Files), r.Index.Wall <= 10*r.FTS5.Wall,
			fmt.Sprintf("%.1f× (%.1f× FTS5 with an exact and a folded column)", r.Index.Wall.Seconds()/r.FTS5.Wall.Seconds(),
				r.Index.Wall.Seconds()/r.FTS5Two.Wall.Seconds()))
		goal(w, fmt.Sprintf("%d articles: peak RSS ≤ 500 MB", r.Files), r.Index.MaxRSS <= 500<<20, fmt.Sprintf("%.0f MB", mb(r.Index.MaxRSS)))
		goal(w, fmt.Sprintf("%d articles: unchanged re-run ≤ 10%% of the first", r.Files), r.Rerun.Wall*10 <= r.Index.Wall,
			fmt.Sprintf("%.1f%%", 100*r.Rerun.Wall.Seconds()/r.Index.Wall.Seconds()))
	}
	if len(rows) >= 2 {
		a, b := rows[0], rows[len(rows)-1]
		ratio := b.Index.Wall.Seconds() / a.Index.Wall.Seconds()
		goal(w, fmt.Sprintf("%d articles take ≤ 8× the time of %d", b.Files, a.Files), ratio <= 8, fmt.Sprintf("%.1f×", ratio))
	}
}

func goal(w io.Writer, what string, ok bool, got string) {
	mark := "met"
	if !ok {
		mark = "NOT met"
	}
	fmt.Fprintf(w, "- %s: %s (%s)\n", what, got, mark)
}
