package story

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

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
