package main

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// rawRequest sends req on a new connection to the daemon and returns the
// status code of the answer.
func rawRequest(t *testing.T, base, req string) int {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(20 * time.Second)) // a hang fails, it is not a timing
	go fmt.Fprint(conn, req)                           // the server may answer before reading it all
	method, _, _ := strings.Cut(req, " ")
	resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("no answer: %v", err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// TestHostileHTTP checks the limits of searchd's http.Server: oversized
// headers and URLs are refused, and only GET and HEAD are served.
func TestHostileHTTP(t *testing.T) {
	index := t.TempDir() + "/index"
	if code, out := indexer(t, "-q", "-index", index, corpus(t, 3)); code != 0 {
		t.Fatalf("indexer: %d %s", code, out)
	}
	d := startSearchd(t, index)
	huge := strings.Repeat("x", 80<<10)
	tests := []struct {
		name, req string
		want      []int
	}{
		{"huge header", "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + huge + "\r\n\r\n", []int{431}},
		{"huge url", "GET /api/search?q=" + huge + " HTTP/1.1\r\nHost: a\r\n\r\n", []int{431, 414, 400}},
		{"long query", "GET /api/search?q=" + strings.Repeat("w+", 2000) + " HTTP/1.1\r\nHost: a\r\n\r\n", []int{400}},
		{"post", "POST /api/search HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nq=x", []int{405}},
		{"traversal", "GET /doc/..%2F..%2Fetc%2Fpasswd HTTP/1.1\r\nHost: a\r\n\r\n", []int{400, 404}},
		{"raw traversal", "GET /doc/../../etc/passwd HTTP/1.1\r\nHost: a\r\n\r\n", []int{301, 307, 308, 400, 404}},
		{"head", "HEAD /api/search?q=port HTTP/1.1\r\nHost: a\r\n\r\n", []int{200}},
	}
	for _, tt := range tests {
		got := rawRequest(t, d.url, tt.req)
		ok := false
		for _, w := range tt.want {
			ok = ok || got == w
		}
		if !ok {
			t.Errorf("%s: status %d, want one of %v", tt.name, got, tt.want)
		}
	}
}
