package story

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// notice is a short dividend notice as wires file them: the company is
// named in the headline only.
const notice = "Qtly div 25 cts vs 25 cts prior\n\nPay April 30\n\nRecord April 16"

// flash is a short wire item with figures and names in its body.
const flash = "The central bank entered the money market to arrange 1.5 billion dlrs of customer repurchase agreements, a spokesman said.\n\nDealers said overnight funds were trading at 6-1/8 pct when the operation began."

// cattle is a short market report whose market is named in the
// headline only.
const cattle = "Cattle prices rose 0.75 dlr at the opening in moderate trade, traders said. Top steers 64.25 dlrs per cwt."

// award is a short contract notice.
const award = "Acme Systems Inc said it received a three-year Navy contract worth 9.2 mln dlrs to build radio sets for submarines."

// quotes is a table of prices at one time of day.
const quotes = "Futures at midday: May 284 1/2 up 1, July 280 3/4 off 1/2, September 277 unchanged, December 279 up 1/4."

// help is a money-market notice whose headline gives its figure, and
// outlook the same day's earlier notice, whose words the later one
// repeats.
const (
	help    = "The central bank said it gave the money market late help of 120 mln stg.\n\nIts help today comes to 136 mln stg against a shortage it put at 400 mln stg."
	outlook = "The central bank said it gave the money market help today against a shortage it put at 400 mln stg."
)

// fund is a payout notice that names its fund in a note.
const fund = "Mthly div 7.1 cts vs 7.1 cts prior\n\nPay March 31\n\nRecord March 16\n\nNOTE: Harbour %s Tax-Free Income Fund."

func TestSketchCopies(t *testing.T) {
	boiler := "Share this article on Facebook Twitter WhatsApp Email\n\n"
	for _, tc := range []struct {
		name      string
		titleA, a string
		titleB, b string
		want      bool
	}{
		{"notice filed twice", "ACME CORP <ACM> SETS QUARTERLY", notice, "ACME CORP <ACM> SETS QUARTERLY", notice, true},
		{"notice, headline rewritten", "ACME CORP <ACM> SETS QUARTERLY", notice, "UPDATE 1-Acme sets quarterly dividend", notice, true},
		{"notice refiled, ticker dropped", "ACME CORP <ACM> SETS QUARTERLY", notice, "REFILE-Acme corp sets quarterly", notice, true},
		{"notice with boilerplate left in", "ACME CORP <ACM> SETS QUARTERLY", notice, "Acme Corp sets quarterly", boiler + notice + "\n\nCopyright 2026 all rights reserved.", true},
		{"notices of two companies", "ACME CORP <ACM> SETS QUARTERLY", notice, "ZENITH CORP <ZEN> SETS QUARTERLY", notice, false},
		{"notices of two companies, mixed case", "Acme sets quarterly dividend", notice, "Zenith sets quarterly dividend", notice, false},
		{"notice, record date differs", "ACME CORP SETS QUARTERLY", notice, "ACME CORP SETS QUARTERLY", strings.Replace(notice, "16", "17", 1), false},
		{"notice, figure with a point differs", "ACME SETS", notice, "ACME SETS", strings.Replace(notice, "div 25", "div 7.3", 1), false},
		{"flash filed again", "CENTRAL BANK ADDS RESERVES", flash, "Central bank adds reserves", flash, true},
		{"flash, amount in words differs", "", strings.Replace(flash, "1.5 billion", "one billion", 1), "", strings.Replace(flash, "1.5 billion", "two billion", 1), false},
		{"flash, a figure edited out and a dated line added", "", flash, "", strings.Replace(flash, "6-1/8 pct", "reportedly pct", 1) + "\n\nCopyright 2026 all rights reserved.", true},
		{"flash, a sentence reworded", "", flash, "", strings.Replace(flash, "when the operation began", "as the bank stepped in", 1), true},
		{"flash against a notice", "", flash, "", notice, false},
		{"market reports of two cities", "DENVER CATTLE OPEN HIGHER - TRADERS", cattle, "AMARILLO CATTLE OPEN HIGHER - TRADERS", cattle, false},
		{"market report, headline rewritten", "DENVER CATTLE OPEN HIGHER - TRADERS", cattle, "UPDATE 1-Denver cattle open higher", cattle, true},
		{"market report, one word edited", "DENVER CATTLE OPEN HIGHER", cattle, "Denver cattle open higher", strings.Replace(cattle, "rose", "reportedly", 1), true},
		{"contract notice, verb reworded", "ACME <ACM> GETS NAVY CONTRACT", award, "ACME <ACM> WINS NAVY CONTRACT", award, true},
		{"contract notices of two companies", "ACME <ACM> GETS NAVY CONTRACT", award, "ZENITH <ZEN> GETS NAVY CONTRACT", strings.ReplaceAll(award, "Acme", "Zenith"), false},
		{"quotes at two times", "", quotes, "", strings.Replace(quotes, "July 280 3/4 off 1/2", "July 281 1/4 up 1/4", 1), false},
		{"quotes at two times, one figure apart", "GRAIN FUTURES 11:40 EDT", quotes, "GRAIN FUTURES 12:10 EDT", strings.Replace(quotes, "277 unchanged", "277 up 1/4", 1), false},
		{"quotes, headline rewritten", "GRAIN FUTURES 11:40 EDT", quotes, "Grain futures 11:40", quotes, true},
		{"quotes, headline without its time", "GRAIN FUTURES 11:40 EDT", quotes, "Grain futures", quotes, true},
		{"flash, two figures of its own each", "", flash + "\n\nHoldings were 41.2 mln dlrs on March 12.", "", flash + "\n\nReserves averaged 38.7 mln dlrs over 14 days.", false},
		{"flash, one figure of its own each", "", flash + "\n\nHoldings were 41.2 mln dlrs.", "", flash + "\n\nReserves averaged 38.7 mln dlrs.", true},
		{"a later notice that repeats an earlier one", "MONEY MARKET GIVEN 120 MLN STG LATE HELP", help, "MONEY MARKET SHORTAGE", outlook, false},
		{"later notice, headline without its figure", "MONEY MARKET GIVEN 120 MLN STG LATE HELP", help, "UPDATE 1-Money market given late help", help, true},
		{"notices of two funds named in the body", "HARBOUR INSURED TAX-FREE SETS PAYOUT", fmt.Sprintf(fund, "Insured"), "HARBOUR HIGH-YIELD TAX-FREE SETS PAYOUT", fmt.Sprintf(fund, "High-Yield"), false},
		{"fund notice, headline rewritten", "HARBOUR INSURED TAX-FREE SETS PAYOUT", fmt.Sprintf(fund, "Insured"), "UPDATE 2-Harbour insured fund sets payout", fmt.Sprintf(fund, "Insured"), true},
		{"fund notice, headline worded from the body", "HARBOUR INSURED TAX-FREE SETS PAYOUT", fmt.Sprintf(fund, "Insured"), "Income fund pays 7.1 cts", fmt.Sprintf(fund, "Insured"), true},
		{"tiny bodies alike", "", "Reuter", "", "Reuter", true},
		{"tiny bodies, one inside the other", "", "Pay April 30", "", notice, false},
	} {
		a, b := NewSketch(tc.titleA, tc.a), NewSketch(tc.titleB, tc.b)
		if a == nil || b == nil {
			t.Fatalf("%s: no sketch", tc.name)
		}
		if got, c := a.copies(b); got != tc.want {
			t.Errorf("%s: copies %v (containment %.2f), want %v", tc.name, got, c, tc.want)
		}
		if got, _ := b.copies(a); got != tc.want {
			t.Errorf("%s, the other way: copies %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestNewSketchLongBody(t *testing.T) {
	long := strings.Repeat("Words after words make a body long enough to be judged by its signature. ", 20)
	if sk := NewSketch("TITLE", long); sk == nil || len(sk.Words) != 0 || len(sk.Names) != 0 || len(unpack(sk.Slots)) != 1 {
		t.Errorf("a body of %d shingles: sketch %+v, want one body token (Words, which only starts sentences) and no words or lead", SketchShingles*2, sk)
	}
	if sk := NewSketch("TITLE", ""); sk == nil || len(sk.Words) != 0 || len(sk.Names) != 1 {
		t.Errorf("empty body: sketch %+v, want no words and one name", sk)
	}
}

func TestSketchWords(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Net 2,858,000 vs 7.3 mln", "net 2,858,000 vs 7.3 mln"},
		{"coupon 17-1/4 pct, B-1B bomber.", "coupon 17-1/4 pct b 1b bomber"},
		{"ends 1987. Next", "ends 1987 next"},
		{"futures at 12:10 EDT", "futures at 12:10 edt"},
		{"caf\xe9 \xff 3,", "caf 3"},
	} {
		var got, want []uint32
		sketchWords(tc.in, func(h uint64, _ bool) { got = append(got, uint32(h)) })
		for _, w := range strings.Fields(tc.want) {
			want = append(want, wordHashWhole(w))
		}
		if !slices.Equal(got, want) {
			t.Errorf("sketchWords(%q): %d words, want %d (%q)", tc.in, len(got), len(want), tc.want)
		}
	}
}

// wordHashWhole hashes w as sketchWords hashes a figure: one word.
func wordHashWhole(w string) uint32 {
	var h uint32
	sketchWords(w, func(x uint64, _ bool) { h = uint32(x) })
	return h
}

func TestSketchJSON(t *testing.T) {
	sk := NewSketch("ACME CORP <ACM> SETS QUARTERLY", notice)
	b, err := json.Marshal(sk)
	if err != nil {
		t.Fatal(err)
	}
	var back Sketch
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(back.Words, sk.Words) || !slices.Equal(back.Slots, sk.Slots) || !slices.Equal(back.Names, sk.Names) {
		t.Errorf("round trip: %+v, want %+v", back, *sk)
	}
	for _, bad := range []string{`{"w":"AAA"}`, `{"w":"AAAAAA==","f":"AAAA"}`, `{"w":1}`, `[`} {
		if err := json.Unmarshal([]byte(bad), &back); err == nil {
			t.Errorf("Unmarshal(%s): no error", bad)
		}
	}
}

// TestSketchIndex checks that a short story is found through the sketch
// index alone (the LSH bands are emptied), also after the state went
// through Encode and Decode.
func TestSketchIndex(t *testing.T) {
	day := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
	boiler := "Subscribe to our daily newsletter for the top stories in your inbox every morning.\n\n" +
		"Follow us on social media for live updates\n\n"
	orig := NewMember("a", "wire", day, "ACME CORP <ACM> SETS QUARTERLY", notice)
	cp := NewMember("b", "daily", day.Add(time.Hour), "Acme Corp sets quarterly", boiler+notice+"\n\nAdvertisement")
	noBands := func(s *Set) {
		for i := range s.idx.bands {
			s.idx.bands[i] = bandTable{}
		}
	}
	s := build([]Member{orig})
	noBands(s)
	s.Add(cp)
	s.Assign()
	if s.Story("b") != "a" {
		t.Fatalf("copy with boilerplate: story %q, want a", s.Story("b"))
	}
	enc, err := s.Encode()
	if err != nil {
		t.Fatal(err)
	}
	d, err := Decode(enc)
	if err != nil {
		t.Fatal(err)
	}
	noBands(d)
	again := cp
	again.ID = "c"
	d.Add(again)
	d.Assign()
	if d.Story("c") != "a" {
		t.Errorf("after decoding, a new copy: story %q, want a", d.Story("c"))
	}
	other := NewMember("z", "daily", day.Add(time.Hour), "ZENITH CORP <ZEN> SETS QUARTERLY", notice)
	d.Add(other)
	d.Assign()
	if d.Story("z") != "z" {
		t.Errorf("another company's notice: story %q, want its own", d.Story("z"))
	}
}

// TestSketchArticle checks that SketchArticle, given Sign's count, makes
// the sketch NewSketch makes.
func TestSketchArticle(t *testing.T) {
	long := strings.Repeat("Words after words make a body long enough to be judged by its signature. ", 20)
	for _, body := range []string{notice, flash, long, ""} {
		_, n := Sign(body)
		a, b := NewSketch("ACME SETS", body), SketchArticle("ACME SETS", body, n)
		if (a == nil) != (b == nil) || a != nil && (!slices.Equal(a.Words, b.Words) || !slices.Equal(a.Slots, b.Slots) || !slices.Equal(a.Names, b.Names)) {
			t.Errorf("%.20q: SketchArticle %+v, NewSketch %+v", body, b, a)
		}
	}
}
