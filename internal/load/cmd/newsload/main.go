// Command newsload loads a running searchd on a loopback address with
// concurrent clients for a bounded time and number of requests, then
// reports throughput, latency percentiles, failed requests and, given
// searchd's process id, its peak resident memory.
//
//	newsload -addr 127.0.0.1:8080 -clients 32 -duration 60s -queries FILE [-pid PID]
//
// It exits 1 when any request failed, 2 on bad flags.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/newsfts/newsfts/internal/load"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("newsload", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg load.Config
	fs.StringVar(&cfg.Addr, "addr", "127.0.0.1:8080", "searchd's address (loopback only)")
	fs.IntVar(&cfg.Clients, "clients", 32, "concurrent clients")
	fs.DurationVar(&cfg.Duration, "duration", 60*time.Second, "how long to run (at most 10m)")
	fs.Int64Var(&cfg.MaxRequests, "max-requests", 1_000_000, "stop after this many requests")
	fs.DurationVar(&cfg.Timeout, "timeout", 10*time.Second, "timeout of one request")
	fs.IntVar(&cfg.PID, "pid", 0, "searchd's process id, to report its peak RSS")
	queries := fs.String("queries", "", "query file: one query, or one /api/search?... path, a line")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *queries == "" || cfg.Duration > 10*time.Minute || cfg.Clients > 1024 {
		fmt.Fprintln(stderr, "newsload: -queries is required; -duration is at most 10m and -clients at most 1024")
		return 2
	}
	targets, err := load.ReadTargets(*queries)
	if err != nil {
		fmt.Fprintln(stderr, "newsload:", err)
		return 2
	}
	cfg.Targets = targets
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := load.Run(ctx, cfg)
	if err != nil {
		fmt.Fprintln(stderr, "newsload:", err)
		return 2
	}
	report(stdout, &cfg, res)
	if res.Failed > 0 {
		return 1
	}
	return 0
}

func report(w io.Writer, cfg *load.Config, r *load.Result) {
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	fmt.Fprintf(w, "newsload: %d clients, %s, %d queries against %s\n", cfg.Clients, r.Elapsed.Round(time.Millisecond), len(cfg.Targets), cfg.Addr)
	fmt.Fprintf(w, "requests %d, failed %d, throughput %.1f req/s\n", r.Requests, r.Failed, r.Throughput())
	fmt.Fprintf(w, "latency ms: p50 %.2f, p90 %.2f, p99 %.2f, max %.2f\n",
		ms(r.Percentile(0.5)), ms(r.Percentile(0.9)), ms(r.Percentile(0.99)), ms(r.Percentile(1)))
	if cfg.PID > 0 {
		fmt.Fprintf(w, "searchd peak RSS (VmHWM): %.1f MiB\n", float64(r.PeakRSSKiB)/1024)
	}
	for _, s := range r.Samples {
		fmt.Fprintln(w, "failed:", s)
	}
}
