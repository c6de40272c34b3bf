package tomlx

import (
	"fmt"
	"strconv"
	"strings"
)

// Paths are parsed and written here; the syntax is described in the
// package documentation. formatPath gives every key one canonical spelling,
// under which the scanner records lines and the decoder reports errors, so
// the two always agree.

// segment is one step of a path: a key of a table, or an index of an array.
type segment struct {
	key   string
	index int
	isIdx bool
}

// isBare reports whether key can be written without quotes, by the same
// rule as TOML bare keys.
func isBare(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		if !isBareByte(key[i]) {
			return false
		}
	}
	return true
}

// joinKey returns the path of key inside the table at path.
func joinKey(path, key string) string {
	var b strings.Builder
	b.Grow(len(path) + len(key) + 3)
	b.WriteString(path)
	if path != "" {
		b.WriteByte('.')
	}
	if isBare(key) {
		b.WriteString(key)
	} else {
		b.WriteString(strconv.Quote(key))
	}
	return b.String()
}

// joinIndex returns the path of element i of the array at path.
func joinIndex(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// formatPath is the inverse of parsePath, giving the one canonical spelling
// under which lines are recorded.
func formatPath(segs []segment) string {
	p := ""
	for _, s := range segs {
		if s.isIdx {
			p = joinIndex(p, s.index)
		} else {
			p = joinKey(p, s.key)
		}
	}
	return p
}

// parsePath splits a path into segments. It accepts a little more than
// formatPath writes (single-quoted literal keys, spaces around dots) because
// people type paths on the command line.
func parsePath(path string) ([]segment, error) {
	var segs []segment
	p := pathParser{s: path}
	for p.skipSpace(); !p.eof(); p.skipSpace() {
		switch c := p.s[p.i]; {
		case c == '[':
			if len(segs) == 0 {
				return nil, p.errorf("a path starts with a key, not an index")
			}
			n, err := p.index()
			if err != nil {
				return nil, err
			}
			segs = append(segs, segment{index: n, isIdx: true})
			continue
		case c == '.' && len(segs) > 0:
			p.i++
			p.skipSpace()
		case len(segs) > 0:
			return nil, p.errorf("expected '.' or '[' at %q", p.s[p.i:])
		}
		k, err := p.key()
		if err != nil {
			return nil, err
		}
		segs = append(segs, segment{key: k})
	}
	if len(segs) == 0 {
		return nil, &Error{Key: path, Msg: "empty path"}
	}
	return segs, nil
}

// pathParser holds the position while parsePath reads a path.
type pathParser struct {
	s string
	i int
}

func (p *pathParser) eof() bool { return p.i >= len(p.s) }

func (p *pathParser) skipSpace() {
	for !p.eof() && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

func (p *pathParser) errorf(msg string, args ...any) error {
	return &Error{Key: p.s, Msg: "invalid path: " + fmt.Sprintf(msg, args...)}
}

// index reads "[digits]".
func (p *pathParser) index() (int, error) {
	end := strings.IndexByte(p.s[p.i:], ']')
	if end < 0 {
		return 0, p.errorf("missing ']'")
	}
	digits := strings.TrimSpace(p.s[p.i+1 : p.i+end])
	n, err := strconv.Atoi(digits)
	if err != nil || n < 0 {
		return 0, p.errorf("index %q is not a non-negative integer", digits)
	}
	p.i += end + 1
	return n, nil
}

// key reads a bare, "basic" or 'literal' key.
func (p *pathParser) key() (string, error) {
	if p.eof() {
		return "", p.errorf("missing key at the end")
	}
	switch p.s[p.i] {
	case '"':
		j := p.i + 1
		for j < len(p.s) && p.s[j] != '"' {
			if p.s[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(p.s) {
			return "", p.errorf("unterminated quoted key")
		}
		k, err := strconv.Unquote(p.s[p.i : j+1])
		if err != nil {
			return "", p.errorf("bad quoted key %s", p.s[p.i:j+1])
		}
		p.i = j + 1
		return k, nil
	case '\'':
		end := strings.IndexByte(p.s[p.i+1:], '\'')
		if end < 0 {
			return "", p.errorf("unterminated quoted key")
		}
		k := p.s[p.i+1 : p.i+1+end]
		p.i += end + 2
		return k, nil
	}
	j := p.i
	for j < len(p.s) && isBareByte(p.s[j]) {
		j++
	}
	if j == p.i {
		return "", p.errorf("unexpected %q", p.s[p.i:])
	}
	k := p.s[p.i:j]
	p.i = j
	return k, nil
}
