package entity

import "testing"

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Mehmet Gören", "mehmet goren"},
		{"Mehmet Goren", "mehmet goren"},
		{"Türkiye", "turkiye"},
		{"MİT", "mit"},
		{"İbrahim Kalın", "ibrahim kalin"},
		{"Recep Tayyip Erdoğan", "recep tayyip erdogan"},
		{"ISI’s", "isi's"},
		{"  Tel   Aviv\t\n", "tel aviv"},
		{"Straße", "strasse"},
		{"Şanlıurfa", "sanliurfa"},
		{"Bogota\u0301", "bogota"}, // combining acute accent
		{"São Paulo", "sao paulo"},
		{"Łódź", "lodz"},
		{"AL-QAIDA", "al-qaida"},
		{"bad\xffbyte", "badbyte"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
