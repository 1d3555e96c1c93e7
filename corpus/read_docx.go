package corpus

import "errors"

// readDOCX is replaced by the DOCX reader; until then DOCX files are refused clearly.
func readDOCX(path string, data []byte) (*Document, error) {
	return nil, errors.New("DOCX reading is not available in this build")
}
