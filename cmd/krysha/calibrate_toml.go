package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/krysha/krysha/internal/tomlx"
	"github.com/krysha/krysha/sim/scenario"
)

// A calibEdit sets the value of the parameter at path in a scenario's
// text and comments the line.
type calibEdit struct {
	path    string // dotted, e.g. "bribe.same_clan"
	value   string // a TOML number
	comment string // appended to the line, without "# "
}

// calibratedTOML returns the scenario's text with the fitted values,
// each commented with how it was fitted, and checks that it parses to
// the scenario with exactly those values.
func (c *calibration) calibratedTOML(res *calibResult) ([]byte, error) {
	date := res.date.Format("2006-01-02")
	edits := make([]calibEdit, len(c.box))
	for j, m := range res.post.Marginal {
		how := "refined"
		if res.ref == nil {
			how = "best design point"
		}
		comment := fmt.Sprintf("calibrated: ABC median %s, %s %s, 90%% [%s, %s] (krysha calibrate, %s)",
			calibNum(m.Median), how, calibNum(res.theta[j]), calibNum(m.Lo), calibNum(m.Hi), date)
		if !m.Identified {
			comment += "; not identified by the targets"
		}
		edits[j] = calibEdit{path: m.Name, value: exactNum(res.theta[j]), comment: comment}
	}
	text, err := calibEditTOML(c.sf.name, c.sf.text, edits)
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", calibratedFile, err)
	}
	head := fmt.Sprintf("# Calibrated by krysha calibrate on %s from %s: %d parameter%s fitted to %s\n"+
		"# and %d direction%s; see report.txt and fit.csv beside this file.\n",
		date, c.sf.name, len(c.box), plural(len(c.box)), c.obsName, len(c.targets.Directions), plural(len(c.targets.Directions)))
	if len(c.st.src.Sets) > 0 {
		head += fmt.Sprintf("# The calibration ran with -set %s, which this file does not hold.\n", strings.Join(c.st.src.Sets, " -set "))
	}
	text = append([]byte(head), text...)
	// The edit must give the scenario the fitted values and nothing else:
	// parse it back and compare.
	src, err := scenario.Parse(calibratedFile, text, c.st.src.Sets)
	if err != nil {
		return nil, fmt.Errorf("%s does not parse (a bug in krysha calibrate): %w", calibratedFile, err)
	}
	for j, p := range c.box {
		got, ok := calibParamValue(src.Scenario, p.Name)
		if !ok || got != res.theta[j] {
			return nil, fmt.Errorf("%s holds %s = %v, not the fitted %v (a bug in krysha calibrate)", calibratedFile, p.Name, got, res.theta[j])
		}
	}
	return text, nil
}

// calibEditTOML applies the edits to text, one after another. A parameter on
// a line of its own (key = value) or in an inline table on one line
// (integrity = { alpha = 3, beta = 2 }) has its value replaced, the
// line's comment kept and the edit's comment appended; a parameter the
// file does not set is added under its table's header, or in a new
// table at the end.
func calibEditTOML(name string, text []byte, edits []calibEdit) ([]byte, error) {
	for _, ed := range edits {
		doc, err := tomlx.ParseFile(name, text)
		if err != nil {
			return nil, err
		}
		lines := strings.Split(string(text), "\n")
		table, key := calibSplitKey(ed.path)
		if table == "" {
			return nil, fmt.Errorf("%s: %s is not in a table; only parameters are fitted", name, ed.path)
		}
		if doc.Has(ed.path) {
			i := doc.Line(ed.path) - 1
			if i < 0 || i >= len(lines) {
				return nil, fmt.Errorf("%s: no line for %s", name, ed.path)
			}
			l, ok := calibReplaceValue(lines[i], key, ed.value)
			if !ok {
				return nil, fmt.Errorf("%s:%d: cannot find the value of %s on its line", name, i+1, ed.path)
			}
			lines[i] = l + " # " + ed.comment
		} else {
			entry := key + " = " + ed.value + "  # " + ed.comment
			if h := calibHeaderLine(lines, table); h >= 0 {
				lines = append(lines[:h+1], append([]string{entry}, lines[h+1:]...)...)
			} else {
				if n := len(lines); n > 0 && lines[n-1] == "" {
					lines = lines[:n-1]
				}
				lines = append(lines, "", "["+table+"]", entry, "")
			}
		}
		text = []byte(strings.Join(lines, "\n"))
	}
	return text, nil
}

// calibSplitKey splits a dotted path into its table and its last key.
func calibSplitKey(path string) (table, key string) {
	i := strings.LastIndexByte(path, '.')
	if i < 0 {
		return "", path
	}
	return path[:i], path[i+1:]
}

// calibReplaceValue replaces the value of key on line (a number or a
// boolean: what a fitted parameter holds).
func calibReplaceValue(line, key, value string) (string, bool) {
	re := regexp.MustCompile(`(^|[\s{,.])` + regexp.QuoteMeta(key) + `(\s*=\s*)([^\s,}#]+)`)
	loc := re.FindStringSubmatchIndex(line)
	if loc == nil {
		return line, false
	}
	return line[:loc[6]] + value + line[loc[7]:], true
}

// calibHeaderLine returns the index of the line "[table]", or −1.
func calibHeaderLine(lines []string, table string) int {
	if table == "" {
		return -1
	}
	re := regexp.MustCompile(`^\s*\[\s*` + regexp.QuoteMeta(table) + `\s*\]\s*(#.*)?$`)
	for i, l := range lines {
		if re.MatchString(l) {
			return i
		}
	}
	return -1
}
