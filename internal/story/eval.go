package story

// Score counts how a grouping agrees with labels over pairs of articles:
// a pair is a true positive when both put the two in one story.
type Score struct {
	TruePos, FalsePos, FalseNeg int
	Articles, Stories, Labels   int
}

// Precision is the share of pairs grouped together that belong together (1
// when nothing was grouped).
func (s Score) Precision() float64 {
	if s.TruePos+s.FalsePos == 0 {
		return 1
	}
	return float64(s.TruePos) / float64(s.TruePos+s.FalsePos)
}

// Recall is the share of pairs that belong together that were grouped (1
// when nothing belongs together).
func (s Score) Recall() float64 {
	if s.TruePos+s.FalseNeg == 0 {
		return 1
	}
	return float64(s.TruePos) / float64(s.TruePos+s.FalseNeg)
}

// Evaluate scores the stories of s against label, which maps each article
// id to its true story; articles of s without a label are left out.
// Pairs are counted from group sizes, so the cost is linear.
func Evaluate(s *Set, label map[string]string) Score {
	type cell struct{ story, label string }
	byCell, byStory, byLabel := map[cell]int{}, map[string]int{}, map[string]int{}
	sc := Score{}
	for id, l := range label {
		st := s.Story(id)
		if st == "" {
			continue
		}
		sc.Articles++
		byCell[cell{st, l}]++
		byStory[st]++
		byLabel[l]++
	}
	pairs := func(n int) int { return n * (n - 1) / 2 }
	tp, grouped, belong := 0, 0, 0
	for _, n := range byCell {
		tp += pairs(n)
	}
	for _, n := range byStory {
		grouped += pairs(n)
	}
	for _, n := range byLabel {
		belong += pairs(n)
	}
	sc.TruePos, sc.FalsePos, sc.FalseNeg = tp, grouped-tp, belong-tp
	sc.Stories, sc.Labels = len(byStory), len(byLabel)
	return sc
}
