package index_test

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"thamluan/index"
)

func ExampleExportOpenSearch() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	ix.Add(exampleDoc(), time.Now())
	out := filepath.Join(filepath.Dir(dir), "opensearch")
	res, err := index.ExportOpenSearch(ix, out, index.OpenSearchOptions{})
	if err != nil {
		log.Fatal(err)
	}
	first, _ := os.ReadFile(res.BulkFiles[0])
	fmt.Println(filepath.Base(res.Mapping), len(res.BulkFiles), res.Sections)
	fmt.Println(string(first[:bytes.IndexByte(first, '\n')]))
	// Output:
	// mapping.json 1 2
	// {"index":{"_id":"hoi-thao/tin.txt#1","_index":"thamluan"}}
}
