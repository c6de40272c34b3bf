package tomlx

import "fmt"

// The BurntSushi parser knows where each key is but does not say, so
// scanLines reads the text a second time for the one thing we need from it:
// the line on which every key path is first defined.
//
// It is lenient and reports no syntax errors: those are the real
// parser's job. It must still be safe on any input (it is fuzzed on raw
// bytes): every loop consumes at least one byte or ends, and paths beyond a
// byte budget stop the scan (losing line numbers only; Doc.Line then falls
// back to an ancestor), so time is linear and memory bounded by the input.
//
// It runs before the real parser, because BurntSushi/toml takes time
// growing faster than quadratically with nesting depth and with the
// number of parts of a dotted key (seconds for a few thousand): a document
// beyond maxNesting or maxKeyParts is refused, with the line, instead of
// being parsed. Real scenario files nest three or four deep.
const (
	maxNesting  = 64 // arrays and inline tables inside one another
	maxKeyParts = 64 // parts of one dotted key or table header
)

// scanLines maps every key path of text (spelled as formatPath spells it)
// to the 1-based line where it is first defined. It returns an error when
// text is nested too deep to hand to the parser.
func scanLines(text []byte) (map[string]int, *Error) {
	s := &scanner{
		src:    text,
		line:   1,
		lines:  make(map[string]int),
		aot:    make(map[string]int),
		budget: 1<<22 + 32*len(text),
	}
	s.document()
	return s.lines, s.refused
}

type scanner struct {
	src     []byte
	pos     int
	line    int
	lines   map[string]int // path -> line of first definition
	aot     map[string]int // array-of-tables path -> elements seen so far
	budget  int            // bytes of path strings we may still build
	dead    bool           // out of budget or refused: stop recording
	refused *Error         // set when the text is beyond maxNesting or maxKeyParts
}

func (s *scanner) eof() bool  { return s.pos >= len(s.src) }
func (s *scanner) peek() byte { return s.src[s.pos] }
func (s *scanner) stop()      { s.pos, s.dead = len(s.src), true }
func (s *scanner) has(p string) bool {
	return len(s.src)-s.pos >= len(p) && string(s.src[s.pos:s.pos+len(p)]) == p
}

// refuse stops the scan and records why the text is not to be parsed.
func (s *scanner) refuse(format string, limit int) {
	if s.refused == nil {
		s.refused = &Error{Line: s.line, Msg: fmt.Sprintf(format, limit)}
	}
	s.stop()
}

// next consumes one byte, counting lines.
func (s *scanner) next() {
	if s.src[s.pos] == '\n' {
		s.line++
	}
	s.pos++
}

// record notes the line of path unless it was defined earlier (a table
// created implicitly by `a.b = 1` keeps the line of that first use).
func (s *scanner) record(path string, line int) {
	if _, ok := s.lines[path]; !ok {
		s.lines[path] = line
	}
}

// charge spends budget on a new path; when it runs out the scan stops.
func (s *scanner) charge(path string) string {
	s.budget -= len(path) + 16
	if s.budget < 0 {
		s.stop()
	}
	return path
}

// document reads headers and key/value lines until the end.
func (s *scanner) document() {
	table := ""
	for {
		s.skipBlank(true)
		if s.eof() {
			return
		}
		switch {
		case s.has("[["):
			s.pos += 2
			table = s.header(true)
		case s.peek() == '[':
			s.pos++
			table = s.header(false)
		default:
			s.keyValue(table, 0)
		}
		s.skipLine()
	}
}

// header reads the keys of "[a.b]" or "[[a.b]]" and returns the table path.
// A segment naming an array of tables refers to its latest element, which
// is how TOML places "[[policy.events]]" inside the last "[[policy]]".
func (s *scanner) header(array bool) string {
	line := s.line
	keys := s.keys()
	if len(keys) > maxKeyParts {
		s.refuse("table header of more than %d dotted parts", maxKeyParts)
	}
	path := ""
	for i, k := range keys {
		if s.dead {
			return ""
		}
		path = s.charge(joinKey(path, k))
		s.record(path, line)
		n, isArray := s.aot[path]
		if array && i == len(keys)-1 {
			s.aot[path] = n + 1
			path = s.charge(joinIndex(path, n))
			s.record(path, line)
		} else if isArray && n > 0 {
			path = s.charge(joinIndex(path, n-1))
		}
	}
	return path
}

// keyValue reads "key = value" inside the table at prefix.
func (s *scanner) keyValue(prefix string, depth int) {
	line := s.line
	keys := s.keys()
	if len(keys) == 0 {
		s.next() // not a key: skip a byte so that we always progress
		return
	}
	if len(keys) > maxKeyParts {
		s.refuse("key of more than %d dotted parts", maxKeyParts)
	}
	path := prefix
	for _, k := range keys {
		if s.dead {
			return
		}
		path = s.charge(joinKey(path, k))
		s.record(path, line)
	}
	s.skipBlank(false)
	if !s.eof() && s.peek() == '=' {
		s.pos++
		s.value(path, depth)
	}
}

// value skips one value, recording the keys inside inline tables and the
// elements of arrays under path; depth counts the arrays and inline tables
// around it.
func (s *scanner) value(path string, depth int) {
	s.skipBlank(false)
	if !s.eof() && (s.peek() == '[' || s.peek() == '{') && depth >= maxNesting {
		s.refuse("arrays and inline tables nested more than %d deep", maxNesting)
		return
	}
	switch {
	case s.eof():
	case s.has(`"""`):
		s.multiline(`"""`, true)
	case s.has(`'''`):
		s.multiline(`'''`, false)
	case s.peek() == '"':
		s.pos++
		s.quoted('"', true)
	case s.peek() == '\'':
		s.pos++
		s.quoted('\'', false)
	case s.peek() == '{':
		s.pos++
		s.inlineTable(path, depth+1)
	case s.peek() == '[':
		s.pos++
		s.array(path, depth+1)
	default:
		// Numbers, booleans and dates (which may hold a space).
		for !s.eof() && !isValueEnd(s.peek()) {
			s.pos++
		}
	}
}

func isValueEnd(c byte) bool {
	return c == ',' || c == ']' || c == '}' || c == '\n' || c == '#'
}

// inlineTable reads the body of "{ k = v, ... }" after the brace.
func (s *scanner) inlineTable(path string, depth int) {
	for {
		s.skipBlank(true)
		if s.eof() {
			return
		}
		switch s.peek() {
		case '}':
			s.pos++
			return
		case ',':
			s.pos++
		default:
			s.keyValue(path, depth)
		}
	}
}

// array reads the body of "[ v, ... ]" after the bracket, giving element i
// the line on which it starts.
func (s *scanner) array(path string, depth int) {
	for i := 0; ; {
		s.skipBlank(true)
		if s.eof() {
			return
		}
		switch s.peek() {
		case ']':
			s.pos++
			return
		case ',':
			s.pos++
		default:
			start := s.pos
			elem := s.charge(joinIndex(path, i))
			s.record(elem, s.line)
			s.value(elem, depth)
			i++
			if s.pos == start {
				s.next()
			}
		}
	}
}
