package story

import (
	"fmt"
	"math/rand/v2"
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

// replicaBodies returns n article bodies: most long and distinct, some
// short notices filled in from one template, as in a wire archive.
func replicaBodies(n int) (titles, bodies []string) {
	rng := rand.New(rand.NewPCG(3, 9))
	vocab := make([]string, 4000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%dx", i)
	}
	for i := range n {
		if i%4 == 0 {
			titles = append(titles, fmt.Sprintf("COMPANY%d SETS QUARTERLY", i))
			bodies = append(bodies, fmt.Sprintf("Qtly div %d cts vs %d cts prior\n\nPay April %d\n\nRecord April %d", i%50, i%40, i%28+1, i%27+1))
			continue
		}
		var b strings.Builder
		for range 120 + rng.IntN(200) {
			b.WriteString(vocab[rng.IntN(len(vocab))])
			b.WriteByte(' ')
		}
		titles = append(titles, fmt.Sprintf("Story %d", i))
		bodies = append(bodies, b.String())
	}
	return titles, bodies
}

// BenchmarkAssignReplicas groups k replicas of one corpus laid end to end
// in time, as newsbench's replicas are: each replica's copy of an article
// is a story of its own, out of the Window of the others. The cost per
// article should not grow with k.
func BenchmarkAssignReplicas(b *testing.B) {
	titles, bodies := replicaBodies(2000)
	base := time.Date(1987, 2, 26, 0, 0, 0, 0, time.UTC)
	var ms []Member
	for i := range bodies {
		ms = append(ms, NewMember(fmt.Sprint(i), "wire", base.Add(time.Duration(i)*3*time.Minute), titles[i], bodies[i]))
	}
	for _, k := range []int{1, 4, 16, 64} {
		b.Run(fmt.Sprintf("x%d", k), func(b *testing.B) {
			for b.Loop() {
				s := New(DefaultThreshold)
				for r := range k {
					for _, m := range ms {
						m.ID = fmt.Sprintf("%s-r%d", m.ID, r)
						m.Published = m.Published.Add(time.Duration(r) * 240 * 24 * time.Hour)
						s.Add(m)
					}
				}
				s.Assign()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*k*len(ms)), "ns/article")
		})
	}
}
