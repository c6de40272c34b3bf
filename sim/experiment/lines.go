package experiment

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// The study files are read back line by line, for resuming, sorting and
// merging: every row the package writes is one line (errors and
// commands are written on one line), so a line is a row, and a line
// without its newline is a row torn by a crash.

// readLines calls fn with each line of r including its '\n', or without
// one for a last line that lacks it, and the line's offset.
func readLines(r io.Reader, fn func(line []byte, off int64) error) error {
	br := bufio.NewReaderSize(r, 256<<10)
	var off int64
	var long []byte
	for {
		chunk, err := br.ReadSlice('\n')
		line := chunk
		if errors.Is(err, bufio.ErrBufferFull) {
			long = append(long, chunk...)
			continue
		}
		if long != nil {
			line = append(long, chunk...)
			long = nil
		}
		if len(line) > 0 {
			if ferr := fn(line, off); ferr != nil {
				return ferr
			}
			off += int64(len(line))
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// rowRun returns the run index in the first field of a row.
func rowRun(line []byte) (int, bool) {
	i := bytes.IndexByte(line, ',')
	if i <= 0 {
		return 0, false
	}
	n, err := strconv.Atoi(string(line[:i]))
	return n, err == nil && n >= 0
}

// fields counts the CSV fields of a line, commas in quoted fields not
// counting; -1 if a quote is left open.
func fields(line []byte) int {
	n, quoted := 1, false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case c == ',' && !quoted:
			n++
		}
	}
	if quoted {
		return -1
	}
	return n
}

// validRow reports whether line is a whole row of want fields, and its
// run index.
func validRow(line []byte, want int) (int, bool) {
	if len(line) == 0 || line[len(line)-1] != '\n' {
		return 0, false
	}
	body := bytes.TrimSuffix(line[:len(line)-1], []byte{'\r'})
	if bytes.IndexByte(body, 0) >= 0 || fields(body) != want {
		return 0, false
	}
	return rowRun(body)
}

// readHeader returns the first line of the file at path without its
// newline, and whether the newline was there.
func readHeader(path string) (line string, whole bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return "", false, err
	}
	defer f.Close()
	l, err := bufio.NewReader(f).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", false, fmt.Errorf("reading %s: %w", path, err)
	}
	whole = strings.HasSuffix(l, "\n")
	return strings.TrimRight(l, "\r\n"), whole, nil
}
