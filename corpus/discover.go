package corpus

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// DiscoverOptions choose which files under the given folders are documents. A pattern is a
// filepath.Match glob. One without a slash is matched against the file's name (and, for Exclude,
// against the names of the folders on the way, so "drafts" skips a folder called drafts). One
// with a slash is matched against the path below the named folder, or any tail of it that starts
// at a folder boundary: "2019/*.pdf" matches "hoi-thao/2019/a.pdf"; a leading "**/" is allowed.
type DiscoverOptions struct {
	Include []string // only files matching one of these; empty means all
	Exclude []string // files (and folders) matching one of these are skipped
	// Skip, when set, is told of each named path or folder below one that cannot be read
	// (missing, no permission), which is then skipped; the rest is still found. When nil,
	// Discover stops at the first such error.
	Skip func(path string, err error)
}

// knownExt lists the extensions taken without looking inside; other files are sniffed.
var knownExt = map[string]bool{".txt": true, ".md": true, ".pdf": true, ".docx": true, ".html": true, ".htm": true, ".xhtml": true,
	".tif": true, ".tiff": true} // TIFF is only ever a page image, read by OCR

// skipExt lists extensions that are never documents (metadata, gold labels, archives). Page images
// (.png, .jpg, .jpeg, .tif, .tiff) are sniffed: a real PNG, JPEG or TIFF is read by OCR.
var skipExt = map[string]bool{".json": true, ".toml": true, ".jsonl": true, ".gz": true, ".zip": true,
	".gif": true, ".svg": true, ".css": true, ".js": true,
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
			if opt.Skip != nil {
				opt.Skip(root, err)
				continue
			}
			return nil, fmt.Errorf("discover %s: %w", root, err)
		}
		if !st.IsDir() {
			add(root)
			continue
		}
		var found []string
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if opt.Skip != nil && p != root {
					opt.Skip(p, err)
					if d != nil && d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				return fmt.Errorf("discover %s: %w", p, err)
			}
			if p == root {
				return nil
			}
			rel := relSlash(root, p)
			if strings.HasPrefix(d.Name(), ".") || d.IsDir() && matchAny(opt.Exclude, rel, true) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() {
				return nil
			}
			if wanted(rel, opt) && isDocument(p) {
				found = append(found, p)
			}
			return nil
		})
		if err != nil && opt.Skip != nil {
			opt.Skip(root, err) // the named folder itself cannot be listed
			continue
		}
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

// relSlash returns p relative to root with forward slashes.
func relSlash(root, p string) string {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		rel = p
	}
	return filepath.ToSlash(rel)
}

// wanted applies the include and exclude patterns to a file's slash path below its root.
func wanted(rel string, opt DiscoverOptions) bool {
	if len(opt.Include) > 0 && !matchAny(opt.Include, rel, false) {
		return false
	}
	return !matchAny(opt.Exclude, rel, true)
}

// matchAny reports whether any pattern matches rel (see DiscoverOptions); folders also lets a
// slash-less pattern match a folder name on the way.
func matchAny(patterns []string, rel string, folders bool) bool {
	parts := strings.Split(rel, "/")
	for _, pat := range patterns {
		pat = strings.TrimPrefix(strings.TrimPrefix(filepath.ToSlash(pat), "./"), "**/")
		if !strings.Contains(pat, "/") {
			names := parts[len(parts)-1:]
			if folders {
				names = parts
			}
			for _, n := range names {
				if ok, _ := path.Match(pat, n); ok {
					return true
				}
			}
			continue
		}
		for i := range parts {
			if ok, _ := path.Match(pat, strings.Join(parts[i:], "/")); ok {
				return true
			}
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
	case FormatPDF, FormatDOCX, FormatHTML, FormatImage:
		return true
	}
	return false
}
