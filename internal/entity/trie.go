package entity

// trie matches gazetteer names against token keys. Node 0 is the root; a
// name is the path of its token keys ("inter", "-", "services",
// "intelligence"). The children of all nodes live in one table keyed by the
// hash of the parent node and the child's key hash (strHash, which tokens
// carry).
type trie struct {
	next *table[int32]
	ents [][]int32 // entry indexes of the names that end at each node
	caps []bool    // the name ending at the node is an acronym: match upper case only
}

// edge returns the table key of the step from node by a key of hash h.
func edge(node int32, h uint64) uint64 { return mix(uint64(node)+1, h) }

func newTrie() *trie {
	return &trie{next: new(table[int32]), ents: [][]int32{nil}, caps: []bool{false}}
}

// insert adds a name, given as its token keys, for entry e.
func (t *trie) insert(keys []string, e int32, acronym bool) {
	n := int32(0)
	for _, k := range keys {
		c, ok := t.next.get(edge(n, strHash(k)))
		if !ok {
			c = int32(len(t.ents))
			*t.next.ptr(edge(n, strHash(k))) = c
			t.ents = append(t.ents, nil)
			t.caps = append(t.caps, acronym)
		}
		n = c
	}
	for _, x := range t.ents[n] {
		if x == e {
			return
		}
	}
	t.ents[n] = append(t.ents[n], e)
	if !acronym {
		t.caps[n] = false
	}
}

// longest returns the length in tokens of the longest name that starts at
// toks[a] and ends before toks[b], and the node where it ends.
func (t *trie) longest(d *doc, a, b int) (n int, node int32) {
	cur := int32(0)
	for i := a; i < b && d.toks[i].seg == d.toks[a].seg; i++ {
		c, ok := t.next.get(edge(cur, d.toks[i].hash))
		if !ok {
			break
		}
		cur = c
		if len(t.ents[c]) > 0 && (!t.caps[c] || d.upperRun(a, i+1)) {
			n, node = i+1-a, c
		}
	}
	return n, node
}
