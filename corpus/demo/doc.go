// Package demo embeds a small demo corpus: three original Vietnamese workshop documents (a
// proceedings volume, a newspaper report and a single paper) written for thamluan, and the
// workshop.toml that describes the workshop they come from. Gold labels for the documents live
// in the gold/ folder beside this file and are deliberately not embedded.
package demo

import "embed"

// FS holds the demo corpus: original Vietnamese documents written for thamluan.
// It contains the *.txt documents and workshop.toml at its root.
//
//go:embed *.txt workshop.toml
var FS embed.FS
