package pdf

// RemoveFurniture removes repeated headers, footers and page numbers from pages whose lines came
// from elsewhere than Extract (pages read by OCR), moving them to Page.Furniture as Extract does.
func RemoveFurniture(pages []Page) { removeFurniture(pages) }
