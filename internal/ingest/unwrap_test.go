package ingest

import (
	"reflect"
	"testing"
)

func TestUnwrap(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"one para\n\ntwo para", []string{"one para", "two para"}},
		{"wrapped at\nseventy columns\n    Indented starts\nanother one.\n Reuter", []string{"wrapped at seventy columns", "Indented starts another one.", "Reuter"}},
		{"crlf\r\nline\r\n\r\nnext", []string{"crlf line", "next"}},
		{"  spaced   out \t words ", []string{"spaced out words"}},
	}
	for _, tt := range tests {
		if got := Unwrap(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Unwrap(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
