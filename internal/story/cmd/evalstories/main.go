// Command evalstories measures story grouping on perturbed copies of the
// Reuters-21578 corpus. Every article is kept as it is; every -every'th one
// also gets one copy per kind of package perturb (boilerplate left in,
// paragraphs reordered, a sentence edited, the last paragraph cut, all of
// the first three), published by another outlet an hour later each, under
// a rewritten headline (perturb.Headline; -headlines=false keeps it). The
// copies of an article are labelled with its story, and the grouping is
// scored over pairs: precision is the share of grouped pairs that belong
// together, recall the share of those pairs that were grouped. With -clean
// (the default) every body, original or copy, first goes through the text
// cleaner, as the indexer's bodies do.
//
// Reuters itself files many stories twice or more (repeats, corrections,
// updates): labels.go says how the originals are labelled, exactly or by
// lead. A third score takes the story each original was put in as true, so
// that it measures what the copies alone do. The recall table splits the
// copies by kind and by the length of the original. -sample prints merged
// originals to judge by eye, -pairs writes every pair of originals merged
// against the exact labels, and judged.go scores the grouping once more
// with the verdicts given by eye on such pairs (judged.tsv).
//
// Usage:
//
//	go run ./internal/story/cmd/evalstories -reuters ../shared/corpora/reuters21578.jsonl.gz
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/newsfts/newsfts/internal/story"
	"github.com/newsfts/newsfts/internal/story/perturb"
)

// lastSet and lastLabel keep the grouping run made, for -sample.
var (
	lastSet   *story.Set
	lastLabel map[string]string
)

type reuters struct {
	ID    string `json:"id"`
	Date  string `json:"date"`
	Body  string `json:"body"`
	Title string `json:"title"`
}

func main() {
	path := flag.String("reuters", "../shared/corpora/reuters21578.jsonl.gz", "Reuters-21578 as JSON Lines, gzipped")
	every := flag.Int("every", 10, "perturb every n-th article")
	threshold := flag.Float64("threshold", story.DefaultThreshold, "least estimated similarity of copies")
	show := flag.Int("show", 5, "merged pairs of different articles to print")
	sample := flag.Int("sample", 0, "random pairs of different originals grouped together to print")
	headlines := flag.Bool("headlines", true, "give every copy a rewritten headline (package perturb's Headline)")
	clean := flag.Bool("clean", true, "run every body through the text cleaner first, as the indexer does")
	profile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	pairsOut := flag.String("pairs", "", "write the pairs of originals grouped against their exact labels to this file")
	judge := flag.Int("judge", 0, "print the next n drawn pairs of originals without a verdict in judged.tsv, to judge")
	pairsText := flag.Bool("pairs-text", false, "with -pairs, add the start of both articles (Reuters text: keep the file out of the repository)")
	flag.Parse()
	if *profile != "" {
		f, err := os.Create(*profile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "evalstories:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	arts, err := read(*path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "evalstories:", err)
		return
	}
	run(arts, *every, *threshold, *show, *clean, *headlines)
	v, err := verdicts()
	if err != nil {
		fmt.Fprintln(os.Stderr, "evalstories:", err)
		os.Exit(1)
	}
	judgedPrecision(lastSet, lastLabel, arts, v)
	if *judge > 0 {
		printToJudge(falsePairs(lastSet, lastLabel, arts), v, arts, *judge)
	}
	if *pairsOut != "" {
		if err := writePairs(*pairsOut, falsePairs(lastSet, lastLabel, arts), arts, lastSet, *pairsText); err != nil {
			fmt.Fprintln(os.Stderr, "evalstories:", err)
			os.Exit(1)
		}
	}
	if *sample > 0 {
		samplePairs(lastSet, lastLabel, arts, *sample)
	}
}

// paraBreak is where Reuters starts a paragraph: a line break and an indent.
var paraBreak = regexp.MustCompile(`\n[ \t]+`)

// read loads the articles with a body, their paragraphs separated by blank
// lines as the cleaner leaves them.
func read(path string) ([]reuters, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []reuters
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r reuters
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if strings.TrimSpace(r.Body) == "" {
			continue
		}
		r.Body = strings.ReplaceAll(paraBreak.ReplaceAllString(r.Body, "\n\n"), "\n", " ")
		r.Body = strings.ReplaceAll(r.Body, "  ", "\n\n")
		out = append(out, r)
	}
	if err := sc.Err(); err != nil && err != io.EOF {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// run builds the labelled set, groups it and prints the scores.
func run(arts []reuters, every int, threshold float64, show int, clean, headlines bool) {
	var ms []story.Member
	label, leadLabel := map[string]string{}, map[string]string{}
	exact, lead := labels(arts)
	start := time.Now()
	for i, a := range arts {
		published, _ := time.Parse(time.RFC3339, a.Date)
		bodies := []string{a.Body}
		if every > 0 && i%every == 0 {
			for j, k := range perturb.Kinds {
				bodies = append(bodies, perturb.Apply(a.Body, k, uint64(i*10+j)))
			}
		}
		for j, body := range bodies {
			if clean {
				body = cleaned(body)
			}
			id := a.ID
			if j > 0 {
				id = fmt.Sprintf("%s~%d", a.ID, j)
			}
			title := a.Title
			if j > 0 && headlines {
				title = perturb.Headline(title, uint64(i*10+j))
			}
			ms = append(ms, story.NewMember(id, fmt.Sprint("outlet", j), published.Add(time.Duration(j)*time.Hour), title, body))
			label[id], leadLabel[id] = exact[a.ID], lead[a.ID] // a copy is its original's story
		}
	}
	signed := time.Since(start)
	s := story.New(threshold)
	for _, m := range ms {
		s.Add(m)
	}
	s.Assign()
	grouped := time.Since(start) - signed
	sc := story.Evaluate(s, label)
	fmt.Printf("articles %d (%d originals), threshold %.2f\n", len(ms), len(arts), threshold)
	fmt.Printf("stories %d, labels %d\n", sc.Stories, sc.Labels)
	fmt.Printf("precision %.4f  recall %.4f  (pairs: %d true, %d false positive, %d missed)\n",
		sc.Precision(), sc.Recall(), sc.TruePos, sc.FalsePos, sc.FalseNeg)
	sl := story.Evaluate(s, leadLabel)
	fmt.Printf("lead labels (re-filings with the lead unchanged one story): precision %.4f  recall %.4f  (%d false positive, %d missed)\n",
		sl.Precision(), sl.Recall(), sl.FalsePos, sl.FalseNeg)
	cp := copyPrecision(s, label)
	fmt.Printf("copies only (an original's story taken as true): precision %.4f (%d false positive pairs)\n", cp.Precision(), cp.FalsePos)
	fmt.Printf("time: signatures %v, grouping %v\n", signed.Round(time.Millisecond), grouped.Round(time.Millisecond))
	t0 := time.Now()
	state, err := s.Encode()
	encoded := time.Since(t0)
	if err == nil {
		t0 = time.Now()
		_, err = story.Decode(state)
	}
	if err != nil {
		fmt.Println("state:", err)
	} else {
		fmt.Printf("state: %d bytes, encode %v, decode %v\n", len(state), encoded.Round(time.Millisecond), time.Since(t0).Round(time.Millisecond))
	}
	perturbedRecall(s, every, arts)
	showMerged(s, label, arts, show)
	showWorst(s, label, arts, show)
	lastSet, lastLabel = s, label
}
