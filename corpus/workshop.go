package corpus

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/BurntSushi/toml"
)

// WorkshopFile is the name of the metadata file that applies to the documents beneath its folder.
const WorkshopFile = "workshop.toml"

// ParseWorkshop reads workshop metadata from TOML; name is used in errors.
func ParseWorkshop(name string, data []byte) (*Workshop, error) {
	var w Workshop
	md, err := toml.Decode(string(data), &w)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s: line %d: %s", name, pe.Position.Line, pe.Message)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("%s: unknown key %q (known: title, date, year, place, organisers, shape)", name, und[0].String())
	}
	if w.Year == 0 && len(w.Date) >= 4 {
		fmt.Sscanf(w.Date[:4], "%d", &w.Year)
	}
	return &w, nil
}

// FindWorkshop returns the metadata of the nearest workshop.toml in the folder of path or a
// parent folder, stopping at root (or the file system's root when root is ""); nil when none.
func FindWorkshop(path, root string) (*Workshop, error) {
	dir := filepath.Dir(path)
	stop := ""
	if root != "" {
		stop = filepath.Clean(root)
	}
	for {
		p := filepath.Join(dir, WorkshopFile)
		if data, err := os.ReadFile(p); err == nil {
			return ParseWorkshop(p, data)
		}
		if dir == stop {
			return nil, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil, nil
		}
		dir = parent
	}
}

// Merge fills the empty fields of w from detected and returns w; detected fields never override
// the file's. A nil w yields detected.
func (w *Workshop) Merge(detected *Workshop) *Workshop {
	if w == nil {
		return detected
	}
	if detected == nil {
		return w
	}
	out := *w
	if out.Title == "" {
		out.Title = detected.Title
	}
	if out.Date == "" {
		out.Date = detected.Date
	}
	if out.Year == 0 {
		out.Year = detected.Year
	}
	if out.Place == "" {
		out.Place = detected.Place
	}
	if len(out.Organisers) == 0 {
		out.Organisers = detected.Organisers
	}
	return &out
}
