package index_test

import (
	"errors"
	"fmt"

	"thamluan/index"
)

func ExampleOpenWriter() {
	dir, cleanup := tempIndex()
	defer cleanup()
	w, _ := index.Create(dir)
	w.Close()
	w, err := index.OpenWriter(dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	// While a writer holds the index, a reader is told so (naming the writer's process id).
	_, err = index.Open(dir)
	fmt.Println(errors.Is(err, index.ErrInUse))
	w.Close()
	r, err := index.Open(dir)
	fmt.Println(err)
	r.Close()
	// Output:
	// true
	// <nil>
}
