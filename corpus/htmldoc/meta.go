package htmldoc

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
)

// publishedKeys name the <meta> elements (property, name or itemprop) that carry the date an
// article was published, best first; "jsonld" stands for the datePublished of the JSON-LD.
var publishedKeys = []string{"article:published_time", "og:published_time", "jsonld", "datepublished",
	"pubdate", "publishdate", "publish-date", "dc.date.issued", "dc.date", "date", "dcterms.created"}

// readMeta fills the metadata fields of doc: og:title, the JSON-LD headline and the <title>, and
// the publication date from <meta> elements or JSON-LD.
func readMeta(root *html.Node, doc *Document) {
	dates := map[string]string{}
	var ld []string
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "meta":
			key := strings.ToLower(firstAttr(n, "property", "name", "itemprop"))
			val := collapse(attr(n, "content"))
			if val == "" {
				continue
			}
			if key == "og:title" && doc.OGTitle == "" {
				doc.OGTitle = val
			}
			if _, seen := dates[key]; !seen {
				dates[key] = val
			}
		case "time":
			if attr(n, "itemprop") == "datePublished" && dates["datepublished"] == "" {
				dates["datepublished"] = attr(n, "datetime")
			}
		case "title":
			if doc.PageTitle == "" {
				doc.PageTitle = textOf(n)
			}
		case "script":
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				ld = append(ld, n.FirstChild.Data)
			}
		}
	}
	delete(dates, "jsonld") // a <meta name="jsonld"> is not the JSON-LD
	for _, src := range ld {
		var v any
		if json.Unmarshal([]byte(strings.TrimSpace(src)), &v) != nil {
			continue
		}
		headline, published := jsonLD(v, 0)
		if doc.Headline == "" {
			doc.Headline = collapse(headline)
		}
		if dates["jsonld"] == "" && published != "" {
			dates["jsonld"] = published
		}
	}
	for _, k := range publishedKeys {
		if d := strings.TrimSpace(dates[k]); d != "" {
			doc.Published = d
			return
		}
	}
}

// jsonLD returns the first headline and datePublished of a JSON-LD value, looking into arrays
// and @graph.
func jsonLD(v any, depth int) (headline, published string) {
	if depth > 6 {
		return "", ""
	}
	switch x := v.(type) {
	case map[string]any:
		headline, _ = x["headline"].(string)
		if headline == "" {
			headline, _ = x["name"].(string)
			if t, _ := x["@type"].(string); !strings.Contains(t, "Article") && !strings.Contains(t, "Posting") {
				headline = ""
			}
		}
		published, _ = x["datePublished"].(string)
		if published == "" {
			published, _ = x["dateCreated"].(string)
		}
		if headline != "" && published != "" {
			return headline, published
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if c, ok := x[k]; ok {
				h, p := jsonLD(c, depth+1)
				headline, published = firstOf(headline, h), firstOf(published, p)
			}
		}
	case []any:
		for _, c := range x {
			h, p := jsonLD(c, depth+1)
			headline, published = firstOf(headline, h), firstOf(published, p)
		}
	}
	return headline, published
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// firstAttr returns the value of the first of keys that n has.
func firstAttr(n *html.Node, keys ...string) string {
	for _, k := range keys {
		if v := attr(n, k); v != "" {
			return v
		}
	}
	return ""
}
