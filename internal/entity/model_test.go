package entity

import (
	"bytes"
	"compress/gzip"
	"slices"
	"strings"
	"testing"
)

func TestBuiltinModel(t *testing.T) {
	m, err := defaultModel()
	if err != nil || m == nil {
		t.Fatalf("built-in model = %v, %v; want one", m, err)
	}
	if !testX.HasModel() {
		t.Error("New(nil) has no tagger")
	}
	if m.bits < 12 || len(m.common) < 1000 {
		t.Errorf("model has %d bits and %d common words; want a trained model", m.bits, len(m.common))
	}
	// A line of results in the wire's style: no cue but the tagger's.
	got := testX.Extract("", []string{"Lindsay Davenport (U.S.) beat Conchita Martinez (Spain) 6-3 6-2"})
	if !slices.Equal(got.People, []string{"Lindsay Davenport", "Conchita Martinez"}) {
		t.Errorf("people = %q", got.People)
	}
	// A headline in capitals and a dateline, as the wire writes them.
	got = testX.Extract("", []string{"SOCCER - LEEDS HOLD ARSENAL AT ELLAND ROAD", "LONDON 1996-08-30", "Leeds United drew 0-0 with Arsenal in the English premier league on Friday."})
	if !slices.Contains(got.Places, "London") || !slices.Contains(got.Orgs, "Arsenal") {
		t.Errorf("got %+v, want London among places and Arsenal among organisations", got)
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := &model{bits: 10, w: make([]int16, (nTags-1)<<10), common: map[uint32]bool{7: true, 1 << 31: true}}
	for i := range m.w {
		if i%7 == 0 {
			m.w[i] = int16(i*31%2000 - 1000)
		}
	}
	m.trans[nTags][tagPer] = -5
	m.trans[tagOrg][tagO] = 123456
	var buf bytes.Buffer
	if err := m.write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := readModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if got.bits != m.bits || !slices.Equal(got.w, m.w) || got.trans != m.trans || len(got.common) != 2 || !got.common[1<<31] {
		t.Error("model read back differs from the one written")
	}
}

func TestReadModelErrors(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.Bytes()
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not gzip", []byte("hello"), "read tagger model"},
		{"wrong magic", gz("something else entirely\n"), "not a newsfts tagger model"},
		{"table too big", gz(modelMagic + "\x40"), "bad table size"},
		{"truncated", gz(modelMagic + "\x0a\x02"), "transitions"},
	}
	for _, tt := range tests {
		_, err := readModel(bytes.NewReader(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error = %v, want one containing %q", tt.name, err, tt.want)
		}
		if _, err := NewWithModel(nil, bytes.NewReader(tt.data)); err == nil {
			t.Errorf("%s: NewWithModel accepted a bad model", tt.name)
		}
	}
}

// TestTrain trains a tiny model on sentences written for this test and
// checks that it learned them and that the model file it returns loads.
func TestTrain(t *testing.T) {
	line := "Talks between Vorlan Dask and the Quillen Group began in Marrowby on Monday."
	span := func(s, typ string) TrainingSpan {
		i := strings.Index(line, s)
		return TrainingSpan{Start: i, End: i + len(s), Type: typ}
	}
	doc := TrainingDoc{
		Lines: []string{line},
		Spans: [][]TrainingSpan{{span("Vorlan Dask", "PER"), span("Quillen Group", "ORG"), span("Marrowby", "LOC")}},
	}
	passes := 0
	data, err := Train([]TrainingDoc{doc, doc}, TrainConfig{Epochs: 3, Bits: 12, Seed: 1,
		Score: func(*Extractor) float64 { passes++; return float64(passes) }})
	if err != nil {
		t.Fatal(err)
	}
	if passes != 3 {
		t.Errorf("Score called %d times, want once per pass (3)", passes)
	}
	x, err := NewWithModel(nil, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	got := x.Extract("", []string{line})
	if !slices.Equal(got.People, []string{"Vorlan Dask"}) || !slices.Equal(got.Orgs, []string{"Quillen Group"}) || !slices.Equal(got.Places, []string{"Marrowby"}) {
		t.Errorf("trained model found %+v", got)
	}
	if _, err := Train(nil, TrainConfig{Bits: 40}); err == nil {
		t.Error("Train accepted 40 hash bits")
	}
}
