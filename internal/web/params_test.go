package web

import (
	"errors"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/search"
)

var testNow = time.Date(2024, 3, 15, 10, 30, 0, 0, time.UTC)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParseRequest(t *testing.T) {
	tests := []struct {
		name  string
		query string
		check func(*search.Request) bool
	}{
		{"defaults without q", "", func(r *search.Request) bool {
			return r.Query == nil && r.Sort == search.Newest && r.Page == 1 &&
				r.Size == search.DefaultSize && r.FacetSize == search.DefaultFacet &&
				r.From.IsZero() && r.To.IsZero()
		}},
		{"blank q browses", "q=+++", func(r *search.Request) bool { return r.Query.Empty() && r.Sort == search.Newest }},
		{"q sorts by relevance", "q=election", func(r *search.Request) bool {
			return len(r.Query.All) == 1 && r.Sort == search.Relevance
		}},
		{"sort newest", "q=x&sort=newest", func(r *search.Request) bool { return r.Sort == search.Newest }},
		{"sort oldest", "sort=oldest", func(r *search.Request) bool { return r.Sort == search.Oldest }},
		{"cursor", "cursor=abc_-1", func(r *search.Request) bool { return r.Cursor == "abc_-1" && r.Page == 1 }},
		{"one facet's size", "facet_size=5&facet_size.people=50&facet_size.sources=500", func(r *search.Request) bool {
			return r.FacetSize == 5 && r.SizeOf(search.People) == 50 && r.SizeOf(search.Sources) == search.MaxFacetSize &&
				r.SizeOf(search.Orgs) == 5
		}},
		{"facet sort", "facet_sort=name", func(r *search.Request) bool { return r.FacetSort == search.ByName }},
		{"export limit", "format=csv&limit=20", func(r *search.Request) bool { return r.Query == nil }},
		{"sort relevance without q", "sort=relevance", func(r *search.Request) bool { return r.Sort == search.Relevance }},
		{"facet filters OR and dedupe", "person=Ann+Lee&person=Bo&person=Ann+Lee&org=UN&place=Oslo&source=The+Daily", func(r *search.Request) bool {
			return reflect.DeepEqual(r.Filters[search.People], []string{"Ann Lee", "Bo"}) &&
				reflect.DeepEqual(r.Filters[search.Orgs], []string{"UN"}) &&
				reflect.DeepEqual(r.Filters[search.Places], []string{"Oslo"}) &&
				reflect.DeepEqual(r.Filters[search.Sources], []string{"The Daily"})
		}},
		{"exclusions", "not_person=Bo&not_org=UN&not_place=Oslo&not_source=Wire", func(r *search.Request) bool {
			return reflect.DeepEqual(r.Exclude[search.People], []string{"Bo"}) &&
				reflect.DeepEqual(r.Exclude[search.Orgs], []string{"UN"}) &&
				reflect.DeepEqual(r.Exclude[search.Places], []string{"Oslo"}) &&
				reflect.DeepEqual(r.Exclude[search.Sources], []string{"Wire"})
		}},
		{"empty facet values ignored", "person=&person=+&org=", func(r *search.Request) bool {
			return len(r.Filters[search.People]) == 0 && len(r.Filters[search.Orgs]) == 0
		}},
		{"to date is inclusive", "from=2024-01-01&to=2024-01-31", func(r *search.Request) bool {
			return r.From.Equal(day(2024, 1, 1)) && r.To.Equal(day(2024, 2, 1))
		}},
		{"same day range", "from=2024-01-31&to=2024-01-31", func(r *search.Request) bool {
			return r.From.Equal(day(2024, 1, 31)) && r.To.Equal(day(2024, 2, 1))
		}},
		{"RFC 3339 times are exact", "from=2024-01-01T12:00:00%2B02:00&to=2024-01-02T00:00:00Z", func(r *search.Request) bool {
			return r.From.Equal(time.Date(2024, 1, 1, 10, 0, 0, 0, time.UTC)) && r.To.Equal(day(2024, 1, 2))
		}},
		{"relative days", "from=now-30d", func(r *search.Request) bool { return r.From.Equal(testNow.AddDate(0, 0, -30)) }},
		{"relative weeks", "from=now-2w", func(r *search.Request) bool { return r.From.Equal(testNow.AddDate(0, 0, -14)) }},
		{"relative months", "from=now-1m", func(r *search.Request) bool { return r.From.Equal(testNow.AddDate(0, -1, 0)) }},
		{"relative years and now", "from=now-1y&to=now", func(r *search.Request) bool {
			return r.From.Equal(testNow.AddDate(-1, 0, 0)) && r.To.Equal(testNow)
		}},
		{"page", "page=3", func(r *search.Request) bool { return r.Page == 3 }},
		{"last page", "page=100", func(r *search.Request) bool { return r.Page == search.MaxPage }},
		{"size", "size=25", func(r *search.Request) bool { return r.Size == 25 }},
		{"size capped", "size=5000", func(r *search.Request) bool { return r.Size == search.MaxSize }},
		{"huge size capped", "size=99999999999999999999999", func(r *search.Request) bool { return r.Size == search.MaxSize }},
		{"facet_size", "facet_size=3", func(r *search.Request) bool { return r.FacetSize == 3 }},
		{"facet_size capped", "facet_size=1000", func(r *search.Request) bool { return r.FacetSize == search.MaxFacetSize }},
		{"format json", "format=json", func(r *search.Request) bool { return r != nil }},
		{"tab in q is white space", "q=a%09b", func(r *search.Request) bool { return len(r.Query.All) == 2 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			r, err := ParseRequest(v, testNow)
			if err != nil {
				t.Fatalf("ParseRequest(%q): %v", tt.query, err)
			}
			if !tt.check(r) {
				t.Errorf("ParseRequest(%q) = %+v", tt.query, r)
			}
		})
	}
}

func TestParseRequestErrors(t *testing.T) {
	long := strings.Repeat("x", maxValueLen+1)
	many := ""
	for i := range maxValues + 1 {
		many += "person=p" + string(rune('a'+i)) + "&"
	}
	tests := []struct {
		query    string
		param    string
		position int
		mention  string // a word the message must contain
	}{
		{"q=%22open+phrase", "q", 1, "phrase"},
		{"q=a+OR", "q", 3, "OR"},
		{"q=colour:red", "q", 1, "field"},
		{"q=" + strings.Repeat("w", 1001), "q", 1001, "shorten"},
		{"q=a&q=b", "q", 0, "once"},
		{"qq=x", "qq", 0, "unknown"},
		{"persn=Ann", "persn", 0, "person"},
		{"person=" + long, "person", 0, "256"},
		{many, "person", 0, "at most"},
		{"not_org=" + long, "not_org", 0, "256"},
		{"sort=best", "sort", 0, "relevance"},
		{"sort=newest&sort=oldest", "sort", 0, "once"},
		{"page=0", "page", 0, "at least"},
		{"page=-2", "page", 0, "at least"},
		{"page=101", "page", 0, "at most 100"},
		{"page=two", "page", 0, "whole number"},
		{"page=1.5", "page", 0, "whole number"},
		{"size=0", "size", 0, "at least"},
		{"size=ten", "size", 0, "whole number"},
		{"facet_size=0", "facet_size", 0, "at least"},
		{"from=yesterday", "from", 0, "YYYY-MM-DD"},
		{"from=2024-13-01", "from", 0, "YYYY-MM-DD"},
		{"to=01/02/2024", "to", 0, "YYYY-MM-DD"},
		{"from=now-3x", "from", 0, "now-30d"},
		{"from=now-d", "from", 0, "now-30d"},
		{"from=now+3d", "from", 0, "now-30d"},
		{"from=2024-02-01&to=2024-01-01", "to", 0, "later"},
		{"from=2024-02-01T00:00:00Z&to=2024-02-01T00:00:00Z", "to", 0, "later"},
		{"format=xml", "format", 0, "json, csv or ndjson"},
		{"limit=5", "limit", 0, "exports only"},
		{"format=csv&limit=0", "limit", 0, "at least 1"},
		{"format=ndjson&limit=x", "limit", 0, "whole number"},
		{"cursor=abc&page=2", "cursor", 0, "not both"},
		{"cursor=a&cursor=b", "cursor", 0, "once"},
		{"facet_size.people=0", "facet_size.people", 0, "at least 1"},
		{"facet_size.persons=5", "facet_size.persons", 0, "unknown parameter"},
		{"facet_sort=size", "facet_sort", 0, "count or name"},
		{"q=%FF%FE", "q", 0, "UTF-8"},
		{"person=a%00b", "person", 0, "control"},
		{"q=" + strings.Repeat("a+", 4000) + "&person=" + strings.Repeat("b", 200), "", 0, "too long"},
	}
	for _, tt := range tests {
		v, err := url.ParseQuery(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		_, err = ParseRequest(v, testNow)
		var se *search.Error
		if !errors.As(err, &se) {
			t.Errorf("ParseRequest(%.60q) error = %v, want *search.Error", tt.query, err)
			continue
		}
		if se.Param != tt.param || se.Position != tt.position || !strings.Contains(se.Message, tt.mention) {
			t.Errorf("ParseRequest(%.60q) = %+v, want param %q position %d mentioning %q",
				tt.query, se, tt.param, tt.position, tt.mention)
		}
	}
}
