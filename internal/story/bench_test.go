package story

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsfts/newsfts/internal/story/perturb"
)

// benchBodies returns the labelled bodies of testdata/stories.txt (long)
// and two short ones, with their perturbed copies.
func benchBodies(b *testing.B) []string {
	raw, err := os.ReadFile("testdata/stories.txt")
	if err != nil {
		b.Fatal(err)
	}
	bases := []string{notice, flash}
	for _, part := range strings.Split(string(raw), "\n## ")[1:] {
		_, body, _ := strings.Cut(part, "\n")
		bases = append(bases, strings.TrimSpace(body))
	}
	var out []string
	for i, body := range bases {
		out = append(out, body)
		for j, k := range perturb.Kinds {
			out = append(out, perturb.Apply(body, k, uint64(i*10+j)))
		}
	}
	return out
}

// BenchmarkNewMember measures what grouping adds to each article's
// indexing: its signature and its sketch (a long body's lead, a short
// body's words).
func BenchmarkNewMember(b *testing.B) {
	bodies := benchBodies(b)
	for b.Loop() {
		for i, body := range bodies {
			NewMember(fmt.Sprint(i), "outlet", time.Time{}, "ACME SETS QUARTERLY", body)
		}
	}
}

// BenchmarkAssign measures grouping those articles.
func BenchmarkAssign(b *testing.B) {
	var ms []Member
	t0 := time.Date(2025, 11, 30, 8, 0, 0, 0, time.UTC)
	for i, body := range benchBodies(b) {
		ms = append(ms, NewMember(fmt.Sprint(i), "outlet", t0.Add(time.Duration(i)*time.Minute), "ACME SETS QUARTERLY", body))
	}
	for b.Loop() {
		s := New(DefaultThreshold)
		for _, m := range ms {
			s.Add(m)
		}
		s.Assign()
	}
}
