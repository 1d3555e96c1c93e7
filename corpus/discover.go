package corpus

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// DiscoverOptions choose which files under the given folders are documents.
type DiscoverOptions struct {
	Include []string // glob patterns on the base name or the slash path; empty means all
	Exclude []string // glob patterns on the base name or the slash path
}

// knownExt lists the extensions taken without looking inside; other files are sniffed.
var knownExt = map[string]bool{".txt": true, ".md": true, ".pdf": true, ".docx": true, ".html": true, ".htm": true, ".xhtml": true}

// skipExt lists extensions that are never documents (metadata, gold labels, images, archives).
var skipExt = map[string]bool{".json": true, ".toml": true, ".jsonl": true, ".gz": true, ".zip": true,
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".svg": true, ".css": true, ".js": true,
	".exe": true, ".mp4": true, ".mp3": true, ".db": true, ".lock": true}

// Discover returns the document files named by paths, walking folders recursively, in a stable
// order. Named files are always returned; files found in folders are kept by extension or, for an
// unknown extension, when their content sniffs as a document. Hidden files and folders are skipped.
func Discover(paths []string, opt DiscoverOptions) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, root := range paths {
		st, err := os.Stat(root)
		if err != nil {
			return nil, fmt.Errorf("discover %s: %w", root, err)
		}
		if !st.IsDir() {
			add(root)
			continue
		}
		var found []string
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("discover %s: %w", p, err)
			}
			name := d.Name()
			if p != root && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() {
				return nil
			}
			if wanted(p, opt) && isDocument(p) {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		for _, p := range found {
			add(p)
		}
	}
	return out, nil
}

func wanted(p string, opt DiscoverOptions) bool {
	if len(opt.Include) > 0 && !matchAny(opt.Include, p) {
		return false
	}
	return !matchAny(opt.Exclude, p)
}

func matchAny(patterns []string, p string) bool {
	base, slash := filepath.Base(p), filepath.ToSlash(p)
	for _, pat := range patterns {
		if ok, _ := filepath.Match(pat, base); ok {
			return true
		}
		if ok, _ := filepath.Match(pat, slash); ok {
			return true
		}
		if strings.Contains(pat, "/") && strings.Contains(slash, strings.Trim(pat, "*")) && strings.HasPrefix(pat, "*") {
			return true
		}
	}
	return false
}

func isDocument(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	if knownExt[ext] {
		return true
	}
	if skipExt[ext] {
		return false
	}
	f, err := os.Open(p)
	if err != nil {
		return true // let Read report the reason
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch Sniff(p, head) {
	case FormatPDF, FormatDOCX, FormatHTML:
		return true
	}
	return false
}
