package tomlx

import (
	"errors"
	"strings"
	"testing"
)

func TestParseSyntaxError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want string // the whole error text
	}{
		{"a = 1\nb = \nc = 2", "s.toml:2: expected value but found '\\n' instead"},
		{"a = 1\na = 2", "s.toml:2: key 'a' has already been defined"},
		{"x = \"abc", "s.toml:1: unexpected EOF; expected '\"'"},
		{"[a]\nb = 1\n[a]\n", "s.toml:3: key 'a' has already been defined"},
		{"n = [\n  { id = 1 },\n  { id = 2 \n", "s.toml:3: expected a comma or an inline table terminator '}', but got end of file instead"},
		{"budget = 1e400", "s.toml:1: 1e400 is out of range for float64"},
		// Limits that keep BurntSushi/toml fast; 64 is maxNesting.
		{"a = 1\nx = " + strings.Repeat("[", 65) + strings.Repeat("]", 65), "s.toml:2: arrays and inline tables nested more than 64 deep"},
		{"x = " + strings.Repeat("{a=", 65) + "1" + strings.Repeat("}", 65), "s.toml:1: arrays and inline tables nested more than 64 deep"},
		{"[" + strings.Repeat("a.", 64) + "a]", "s.toml:1: table header of more than 64 dotted parts"},
		{strings.Repeat("a.", 64) + "a = 1", "s.toml:1: key of more than 64 dotted parts"},
	}
	for _, tt := range tests {
		_, err := ParseFile("s.toml", []byte(tt.text))
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseFile(%q) error %v, want %s", tt.text, err, tt.want)
			continue
		}
		var e *Error
		if !errors.As(err, &e) || e.Key != "" || e.Line == 0 {
			t.Errorf("ParseFile(%q): %#v is not a syntax *Error with a line", tt.text, e)
		}
	}
}

func TestParseLimitsAllowRealDocuments(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"x = " + strings.Repeat("[", 64) + strings.Repeat("]", 64),
		"x = " + strings.Repeat("{a=", 63) + "[1]" + strings.Repeat("}", 63),
		"[" + strings.Repeat("a.", 63) + "a]",
		strings.Repeat("a.", 63) + "a = 1",
	} {
		if _, err := Parse([]byte(text)); err != nil {
			t.Errorf("Parse(%.30q...): %v", text, err)
		}
	}
}

func TestHas(t *testing.T) {
	t.Parallel()
	doc, err := Parse([]byte(goodScenario))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want bool
	}{
		{"name", true},
		{"runs", false}, // left to its default
		{"enforcement.budget", true},
		{"enforcement.audit_rate", false},
		{"officials", true},
		{"officials.border_guard.integrity.alpha", true},
		{"officials.customs.integrity", false},
		{"nodes[2].lat", true},
		{"nodes[3]", false},
		{"organization[1].size", true},
		{"organization[1].budget", false},
		{`event[0].set."enforcement.budget"`, true},
		{`event[0].set.enforcement`, false},
		{"name[0]", false},
		{"tags[1]", true},
		{"", false},
		{"nodes[", false},
	}
	for _, tt := range tests {
		if got := doc.Has(tt.path); got != tt.want {
			t.Errorf("Has(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestErrorFormat(t *testing.T) {
	t.Parallel()
	tests := []struct {
		e    Error
		want string
	}{
		{Error{File: "s.toml", Line: 3, Key: "a.b", Msg: "bad"}, "s.toml:3: a.b: bad"},
		{Error{Line: 3, Key: "a.b", Msg: "bad"}, "3: a.b: bad"},
		{Error{File: "s.toml", Key: "a.b", Msg: "bad"}, "s.toml: a.b: bad"},
		{Error{File: "s.toml", Line: 3, Msg: "bad"}, "s.toml:3: bad"},
		{Error{Key: "a.b", Msg: "bad"}, "a.b: bad"},
		{Error{Msg: "bad"}, "bad"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("%#v.Error() = %q, want %q", tt.e, got, tt.want)
		}
	}
}
