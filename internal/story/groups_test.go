package story

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// TestDecodeGroupsAgreesWithDecode checks that the serving form of a
// grouping answers as the full Set does, for every article.
func TestDecodeGroupsAgreesWithDecode(t *testing.T) {
	set := New(DefaultThreshold)
	base := time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)
	body := func(topic string) string {
		return fmt.Sprintf("The %s council voted on Tuesday to approve the new budget for the harbour district. "+
			"Members said the plan would cost 42 million and take three years to finish. "+
			"Opponents of the %s scheme asked for a public hearing before any work begins.", topic, topic)
	}
	var ids []string
	for i, topic := range []string{"river", "river", "river", "mountain", "desert", "desert"} {
		id := fmt.Sprintf("a%d", i)
		ids = append(ids, id)
		sig, n := SignArticle("Council votes on budget", body(topic))
		set.Add(Member{ID: id, Source: fmt.Sprintf("Outlet %d", i), Published: base.Add(time.Duration(-i) * time.Hour), Sig: &sig, Shingles: n})
	}
	set.Assign()
	b, err := set.Encode()
	if err != nil {
		t.Fatal(err)
	}
	full, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	g, err := DecodeGroups(b)
	if err != nil {
		t.Fatal(err)
	}
	grouped := 0
	for _, id := range ids {
		want := full.CopiesOf(id)
		if got := g.CopiesOf(id); !slices.Equal(got, want) {
			t.Errorf("%s: copies %v, want %v", id, got, want)
		}
		if want != nil {
			grouped++
			if g.Story(id) != full.Story(id) {
				t.Errorf("%s: story %q, want %q", id, g.Story(id), full.Story(id))
			}
		}
	}
	if grouped == 0 {
		t.Error("no article has copies: the test checks nothing")
	}
}
