package entity

import (
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

var testX = func() *Extractor {
	x, err := New(nil)
	if err != nil {
		panic(err)
	}
	return x
}()

// extractTest is one passage (written for these tests) and the entities
// that must, or must not, be found in it. A nil want list is not checked;
// an empty one must come out empty.
type extractTest struct {
	name                string
	title               string
	body                string // paragraphs separated by blank lines
	people, orgs, place []string
	not                 []string // labels that must appear in no list
}

var extractTests = []extractTest{
	{
		name:  "MIT MİT and the long forms merge",
		body:  "Ankara's National Intelligence Organisation (MİT) said it had detained two men. Officials at MIT gave no names, and the National Intelligence Organization declined to comment.",
		orgs:  []string{"National Intelligence Organization (MİT)"},
		place: []string{"Ankara"},
	},
	{
		name: "ISI with possessive and acronym plural is not ISIS",
		body: "Inter-Services Intelligence (ISI) officers met their counterparts. The ISI’s role was debated, and critics called the ISIs request unusual.",
		orgs: []string{"Inter-Services Intelligence (ISI)"},
		not:  []string{"Islamic State (ISIS)"},
	},
	{
		name: "ISKP ISIS-K and the long form merge",
		body: "ISKP claimed the bombing. Analysts say Islamic State Khorasan Province has grown, and ISIS-K’s recruiters are active.",
		orgs: []string{"Islamic State Khorasan Province (ISIS-K)"},
	},
	{
		name:  "Turkey and Türkiye are one place, Turkish is no place",
		body:  "Türkiye hosted the talks. Turkish officials said Turkey’s offer stood, and delegates flew to Turkey.",
		place: []string{"Türkiye"},
	},
	{
		name:   "diacritics fold and the proper spelling wins",
		body:   "Police detained Mehmet Goren last week.\n\nGören, who denied the charges, was questioned. Mr. Goren's lawyer spoke later.",
		people: []string{"Mehmet Gören"},
	},
	{
		name:   "a later surname resolves to the full name",
		body:   "A Taliban spokesman, Zabihullah Mujahid, rejected the report. Mujahid added that talks would go on. The suspect was named as Karim Osmanov. Osmanov had lived in Izmir, and Mr. Osmanov's brother was also held.",
		people: []string{"Zabihullah Mujahid", "Karim Osmanov"},
		orgs:   []string{"Taliban"},
		place:  []string{"Izmir"},
	},
	{
		name:   "titles are not part of names",
		body:   "President Recep Tayyip Erdoğan met Prime Minister Shehbaz Sharif, and Dr. Leyla Demirtas briefed them. Later Foreign Minister Jonas Feldmann joined, as did Turkish President Erdogan's adviser.",
		people: []string{"Recep Tayyip Erdoğan", "Shehbaz Sharif", "Leyla Demirtas", "Jonas Feldmann"},
		not:    []string{"President", "Prime Minister Shehbaz Sharif", "Dr. Leyla Demirtas"},
	},
	{
		name:  "possessives are cut with either apostrophe",
		body:  "Pakistan’s army and Iran's leaders met Hamas’s envoys.",
		orgs:  []string{"Hamas"},
		place: []string{"Pakistan", "Iran"},
	},
	{
		name:  "names inside hyphenated compounds",
		body:  "Clashes flared along the Afghanistan-Pakistan border, straining Turkey-Pakistan security ties.",
		place: []string{"Afghanistan", "Pakistan", "Türkiye"},
	},
	{
		name:   "sentence-initial common words are no names",
		body:   "However, the talks stalled. Marking the anniversary, officials met. Through quiet diplomacy, Qatar mediated. Locals protested. Meanwhile nothing changed.",
		people: []string{},
		orgs:   []string{},
		place:  []string{"Qatar"},
	},
	{
		name: "an acronym defined in brackets joins its long form",
		body: "The Caspian Energy Research Council (CERC) published a study. CERC said prices would rise.",
		orgs: []string{"Caspian Energy Research Council"},
		not:  []string{"CERC"},
	},
	{
		name:  "headlines count only known names",
		title: "Regional Leaders Gather In Vienna For Summit On Water",
		body:  "Delegates arrived in Vienna on Monday.",
		place: []string{"Vienna"},
		not:   []string{"Regional Leaders Gather"},
	},
	{
		name:  "demonyms are not places",
		body:  "Israeli and Palestinian negotiators met Egyptian mediators on Sunday.",
		place: []string{},
	},
	{
		name: "organisation words type unknown names",
		body: "The Baloch National Movement accused the Pakistan Army of abuses, and the Ministry of Water Resources answered.",
		orgs: []string{"Baloch National Movement", "Pakistan Army", "Ministry of Water Resources"},
	},
	{
		name:  "a place preposition types an unknown place",
		body:  "Fighting was reported near Kharbaza and in Mastung, Balochistan, while the Sındırgı district was calm.",
		place: []string{"Kharbaza", "Mastung", "Balochistan", "Sındırgı"},
	},
	{
		name:   "given names and particles",
		body:   "Investigators questioned Abu Yasir al-Turki and Anna Mahjar-Barducci about the case.",
		people: []string{"Abu Yasir al-Turki", "Anna Mahjar-Barducci"},
	},
	{
		name: "namesakes are chosen by context words",
		body: "Researchers at MIT in Cambridge built a robot, the university said.",
		orgs: []string{"Massachusetts Institute of Technology (MIT)"},
		not:  []string{"National Intelligence Organization (MİT)"},
	},
	{
		name:  "a compound is split only when gazetteer names cover it",
		body:  "The leaders met near Crans-Montana, far from the Iran-Iraq frontier.",
		place: []string{"Crans-Montana", "Iran", "Iraq"},
		not:   []string{"Montana"},
	},
	{
		name:   "initials and unknown two-word names are people",
		body:   "The visitors lost after R. Okonkwo was caught, although Tavita Lemalu top-scored.",
		people: []string{"R. Okonkwo", "Tavita Lemalu"},
	},
	{
		name:  "agreements and laws are no places or organisations",
		body:  "Exporters in Karachi welcomed the Trade in Goods Agreement and the Paris Climate Accord.",
		place: []string{"Karachi"},
		orgs:  []string{},
	},
	{
		name: "and joins an organisation name only at its end",
		body: "Delegates of Pakistan Railways, the Ministry of Science and Technology and Turkish State Railways met.",
		orgs: []string{"Pakistan Railways", "Ministry of Science and Technology", "Turkish State Railways"},
	},
	{
		name: "unknown acronyms are organisations unless they define a term",
		body: "Monitors from the OSCE relied on open-source intelligence (OSGEO) and on the GDP figures.",
		orgs: []string{"OSCE"},
	},
	{
		name:  "shares in X and a role before 'at' mean an organisation, not a place",
		body:  "Investors bought shares in Tavoro. A director at Quenlix said shares in Tavoro rose. Talks were held near Kharbaza.",
		orgs:  []string{"Tavoro", "Quenlix"},
		place: []string{"Kharbaza"},
	},
	{
		name:   "particles inside a name",
		body:   "The envoy met Commission President Ursula von der Leyen and Johan van den Berg in Brussels.",
		people: []string{"Ursula von der Leyen", "Johan van den Berg"},
	},
	{
		name:  "a city that follows a place in a list is a place",
		body:  "Tremors were felt in Izmir, Manisa and Bursa, and in Jalalabad and Asadabad.",
		place: []string{"Izmir", "Manisa", "Bursa", "Jalalabad", "Asadabad"},
	},
	{
		name: "an organisation word before 'of' takes the words before it",
		body: "Officials said the State Bank of Pakistan would publish rules.",
		orgs: []string{"State Bank of Pakistan"},
	},
	{
		name:   "sentence openers that are common words are no names",
		body:   "Exporters met in Karachi. Rescuers reached Kabul. Turnout was low in Lahore.",
		people: []string{},
		orgs:   []string{},
		place:  []string{"Karachi", "Kabul", "Lahore"},
	},
	{
		name:  "a demonym before a known organisation names that organisation",
		body:  "Lawmakers asked whether Pakistani Inter-Services Intelligence officers had met the suspects. An Israeli Mossad team was also named, and Pakistani Taliban fighters crossed into Kunar.",
		orgs:  []string{"Inter-Services Intelligence (ISI)", "Mossad", "Tehreek-e-Taliban Pakistan (TTP)"},
		place: []string{"Kunar"},
		not:   []string{"Pakistani Inter-Services Intelligence", "Israeli Mossad"},
	},
	{
		name: "a demonym before a generic body's name makes another body",
		body: "Members of the Scottish Labour Party and of the Labour Party voted on Friday.",
		orgs: []string{"Scottish Labour Party", "Labour Party"},
	},
	{
		name:  "a particle name matches the gazetteer whole and keeps its kind",
		body:  "Prosecutors said the cell had sworn loyalty to al-Qaida before its leader moved on to al-Shabab.",
		orgs:  []string{"al-Qaeda", "Al-Shabaab"},
		place: []string{},
		not:   []string{"Qaida", "Shabab"},
	},
	{
		name:  "a name the gazetteer knows only as an organisation stays one",
		body:  "According to Hürriyet, negotiators met in Doha. Mossad declined to comment.",
		orgs:  []string{"Hürriyet", "Mossad"},
		place: []string{"Doha"},
	},
	{
		name:  "two names of one gazetteer entry side by side are one entity",
		body:  "A former chief of Israel's Shin Bet General Security Service spoke in Haifa.",
		orgs:  []string{"Shin Bet"},
		place: []string{"Israel", "Haifa"},
	},
	{
		name:   "an alias given in the text joins the person it names",
		body:   "Police detained Tarek Haddou, also known by his code name ‘Falcon’, on Monday. Investigators said Leyla Demirtas, also known as Umm Sami, had sent him money.\n\nOrhan Kaya, known to friends in Ankara as a quiet man, was not charged.",
		people: []string{"Tarek Haddou", "Leyla Demirtas", "Orhan Kaya"},
		place:  []string{"Ankara"},
		not:    []string{"Falcon", "Umm Sami"},
	},
	{
		name:   "order of first mention and each once",
		body:   "Kabul accused Islamabad. Islamabad denied it, and Kabul and Tehran called for calm.",
		place:  []string{"Kabul", "Islamabad", "Tehran"},
		people: []string{},
	},
}

func paragraphs(body string) []string {
	var out []string
	for _, p := range strings.Split(body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func TestExtract(t *testing.T) {
	for _, tt := range extractTests {
		t.Run(tt.name, func(t *testing.T) {
			got := testX.Extract(tt.title, paragraphs(tt.body))
			check(t, "people", got.People, tt.people)
			check(t, "orgs", got.Orgs, tt.orgs)
			check(t, "places", got.Places, tt.place)
			for _, n := range tt.not {
				if slices.Contains(got.People, n) || slices.Contains(got.Orgs, n) || slices.Contains(got.Places, n) {
					t.Errorf("found %q, want it absent; got %+v", n, got)
				}
			}
		})
	}
}

func check(t *testing.T, what string, got, want []string) {
	t.Helper()
	if want != nil && !slices.Equal(got, want) {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}

func TestExtractBadInput(t *testing.T) {
	huge := strings.Repeat("Officials in Kabul met envoys. ", (maxDocBytes/31)+1000)
	tests := []struct {
		name  string
		title string
		paras []string
		place string // a place that must still be found, or ""
	}{
		{"invalid bytes", "\xff\xfe", []string{"Talks in \xffKabul\xfe went on. \xc3"}, "Kabul"},
		{"cut rune", "", []string{"Envoys reached Ankara. T\xc3"}, "Ankara"},
		{"empty", "", nil, ""},
		{"only punctuation", "“”’", []string{"— ( ) ’s -", "-", "’"}, ""},
		{"hyphens and apostrophes at the end", "", []string{"Kabul-", "Kabul’", "al-"}, ""},
		{"huge", "", []string{huge}, "Kabul"},
		{"endless compound", "", []string{strings.Repeat("Iran-", 1<<18) + "Iraq"}, "Iraq"},
		{"endless capitals", "", []string{strings.Repeat("Zorbu ", 1<<18) + "in Kabul."}, "Kabul"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := testX.Extract(tt.title, tt.paras)
			if tt.place != "" && !slices.Contains(got.Places, tt.place) {
				t.Errorf("places = %q, want %q among them", got.Places, tt.place)
			}
			for _, l := range slices.Concat(got.People, got.Orgs, got.Places) {
				if len(l) > 1000 || !utf8.ValidString(l) {
					t.Errorf("label %.40q... (%d bytes) is too long or not UTF-8", l, len(l))
				}
			}
		})
	}
}

func TestExtractConcurrent(t *testing.T) {
	want := make([]Set, len(extractTests))
	for i, tt := range extractTests {
		want[i] = testX.Extract(tt.title, paragraphs(tt.body))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 20; r++ {
				for i, tt := range extractTests {
					got := testX.Extract(tt.title, paragraphs(tt.body))
					if !slices.Equal(got.People, want[i].People) || !slices.Equal(got.Orgs, want[i].Orgs) || !slices.Equal(got.Places, want[i].Places) {
						select {
						case errs <- tt.name:
						default:
						}
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for name := range errs {
		t.Errorf("%s: concurrent result differs from sequential one", name)
	}
}

func TestMentions(t *testing.T) {
	got := testX.Mentions("", []string{"Turkey’s MİT questioned Mehmet Gören. Later Mr. Goren was freed by Turkish courts in Ankara."})
	want := []Mention{
		{"Turkey", Place, "Türkiye"},
		{"MİT", Org, "National Intelligence Organization (MİT)"},
		{"Mehmet Gören", Person, "Mehmet Gören"},
		{"Goren", Person, "Mehmet Gören"},
		{"Ankara", Place, "Ankara"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Mentions = %+v\nwant %+v", got, want)
	}
}

// BenchmarkExtractWire extracts the entities of wire stories of the size
// and layout of a 1996 Reuters article (testdata/wire.txt, written for this
// benchmark); ns/op is the time per article.
func BenchmarkExtractWire(b *testing.B) {
	data, err := os.ReadFile("testdata/wire.txt")
	if err != nil {
		b.Fatal(err)
	}
	var docs [][]string
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(l, "#") || l == "":
		case l == "%%":
			docs, lines = append(docs, lines), nil
		default:
			lines = append(lines, l)
		}
	}
	docs = append(docs, lines)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		testX.Extract("", docs[i%len(docs)])
	}
}

func BenchmarkExtract(b *testing.B) {
	var paras [][]string
	for _, tt := range extractTests {
		paras = append(paras, paragraphs(tt.body))
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		testX.Extract("", paras[i%len(paras)])
	}
}
