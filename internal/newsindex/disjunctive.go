package newsindex

// Disjunctive counts.
//
// A facet with selected values is counted with every filter except its
// own, so choosing one source still shows how many articles the other
// sources would add. Counted as one walk per such facet, a search with
// words and three selections would walk its matches four times. Because
// the facet table knows the facet terms of every document, one walk does
// instead (walk.go): it walks the articles that the words match and sorts
// each into the tallies it belongs to by looking at its terms. An article
// that has a selected value of every selected facet counts in the main
// tally and in the tally of each selected facet; one that lacks only
// facet f's counts in f's tally alone; any other is not counted.
//
// Without words the walks apart are kept: there the filters lead each
// walk, and one walk without them would visit every article.

// tallies are the counts of one request: main for the articles it
// matches, of[i] for the disjunctive counts of facet search.Facets[i]
// (main itself when the facet has no selection). A nil tally stands for
// all articles.
type tallies struct {
	main *tally
	of   [dayField]*tally
}

// releaseAll gives every tally of ts back to the table.
func (t *facetTable) releaseAll(ts *tallies) {
	for _, c := range ts.of {
		if c != ts.main {
			t.release(c)
		}
	}
	t.release(ts.main)
}

// hasAny reports whether ords holds any of want.
func hasAny(ords, want []uint32) bool {
	for _, o := range ords {
		for _, w := range want {
			if o == w {
				return true
			}
		}
	}
	return false
}
