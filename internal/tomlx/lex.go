package tomlx

import (
	"strconv"
	"unicode/utf8"
)

// The lexical pieces of the line scanner: blanks, comments, keys and
// strings. None moves backwards or past the end of the input, and every
// loop in them consumes a byte per turn, which keeps the scanner linear on
// any bytes.

// skipBlank skips spaces and tabs, and also newlines and comments when nl
// is set (between lines, and inside arrays and inline tables).
func (s *scanner) skipBlank(nl bool) {
	for !s.eof() {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.pos++
		case nl && c == '\n':
			s.next()
		case nl && c == '#':
			s.skipLine()
		default:
			return
		}
	}
}

// skipLine skips to the end of the line, leaving the newline.
func (s *scanner) skipLine() {
	for !s.eof() && s.peek() != '\n' {
		s.pos++
	}
}

// keys reads a dotted key such as `a."b.c".'d'` and returns its parts.
func (s *scanner) keys() []string {
	var keys []string
	for len(keys) <= maxKeyParts { // one more than allowed, to be refused
		s.skipBlank(false)
		if s.eof() {
			return keys
		}
		switch c := s.peek(); {
		case c == '"':
			s.pos++
			keys = append(keys, unescape(s.quoted('"', true)))
		case c == '\'':
			s.pos++
			keys = append(keys, string(s.quoted('\'', false)))
		case isBareByte(c):
			start := s.pos
			for !s.eof() && isBareByte(s.peek()) {
				s.pos++
			}
			keys = append(keys, string(s.src[start:s.pos]))
		default:
			return keys
		}
		s.skipBlank(false)
		if s.eof() || s.peek() != '.' {
			return keys
		}
		s.pos++
	}
	return keys
}

func isBareByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// quoted reads a one-line string after its opening quote and returns the
// raw bytes between the quotes.
func (s *scanner) quoted(q byte, escapes bool) []byte {
	start := s.pos
	for !s.eof() {
		switch c := s.peek(); {
		case c == q:
			s.pos++
			return s.src[start : s.pos-1]
		case c == '\n':
			return s.src[start:s.pos]
		case c == '\\' && escapes && s.pos+1 < len(s.src) && s.src[s.pos+1] != '\n':
			s.pos += 2
		default:
			s.pos++
		}
	}
	return s.src[start:]
}

// multiline skips a multi-line basic or literal string (delim is three
// double or three single quotes), which may hold anything that looks like
// TOML, such as `[x]` or `a = 1`, and must not be read as such.
func (s *scanner) multiline(delim string, escapes bool) {
	s.pos += len(delim)
	for !s.eof() {
		switch {
		case escapes && s.peek() == '\\':
			s.next()
			if !s.eof() {
				s.next()
			}
		case s.has(delim):
			s.pos += len(delim)
			// Up to two quotes may sit right before the closing delimiter.
			for k := 0; k < 2 && !s.eof() && s.peek() == delim[0]; k++ {
				s.pos++
			}
			return
		default:
			s.next()
		}
	}
}

// unescape decodes the escapes of a TOML basic string, so that a quoted
// key is recorded under the same name the parser gives it. Malformed
// escapes are kept as written; the parser has rejected them already.
func unescape(raw []byte) string {
	var out []byte
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' || i+1 >= len(raw) {
			out = append(out, c)
			continue
		}
		i++
		switch raw[i] {
		case 'b':
			out = append(out, '\b')
		case 't':
			out = append(out, '\t')
		case 'n':
			out = append(out, '\n')
		case 'f':
			out = append(out, '\f')
		case 'r':
			out = append(out, '\r')
		case 'e':
			out = append(out, 0x1b)
		case '"', '\\':
			out = append(out, raw[i])
		case 'x', 'u', 'U':
			width := 2
			switch raw[i] {
			case 'u':
				width = 4
			case 'U':
				width = 8
			}
			if i+1+width > len(raw) {
				out = append(out, '\\', raw[i])
				continue
			}
			n, err := strconv.ParseUint(string(raw[i+1:i+1+width]), 16, 32)
			if err != nil {
				out = append(out, '\\', raw[i])
				continue
			}
			out = utf8.AppendRune(out, rune(n))
			i += width
		default:
			out = append(out, '\\', raw[i])
		}
	}
	return string(out)
}
