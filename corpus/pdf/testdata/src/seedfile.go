//go:build ignore

// seedfile writes Go fuzz seed files for FuzzExtract: go run seedfile.go ../fuzz/FuzzExtract FILE.pdf...

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// Writes Go fuzz seed files: one per input file given, named after it.
func main() {
	out := os.Args[1]
	for _, f := range os.Args[2:] {
		data, err := os.ReadFile(f)
		if err != nil {
			panic(err)
		}
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%s)\n", strconv.Quote(string(data)))
		if err := os.WriteFile(filepath.Join(out, filepath.Base(f)), []byte(body), 0o644); err != nil {
			panic(err)
		}
	}
}
