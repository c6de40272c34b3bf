package experiment

import (
	"bufio"
	"container/heap"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/krysha/krysha/internal/fsx"
)

// The files of a study are written run by run, so each is a sequence
// of sorted segments: one, in index order, for an uninterrupted study;
// one more per resume; one per shard in a merge. Sorting is then a
// k-way merge of the segments, streaming, keeping the rows of a run
// together and in their order.

// A segment is a byte range of a file whose rows are in increasing run
// order.
type segment struct {
	path     string
	off, end int64
}

// fileSegments returns the header of the file at path (with its
// newline) and the file's sorted segments. Every row must be whole.
func fileSegments(path string) (header []byte, segs []segment, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	prev := -1
	err = readLines(f, func(line []byte, off int64) error {
		if header == nil {
			header = append([]byte(nil), line...)
			return nil
		}
		run, ok := rowRun(line)
		if !ok || line[len(line)-1] != '\n' {
			return fmt.Errorf("%s: a row at byte %d is not whole", path, off)
		}
		if run < prev || len(segs) == 0 {
			segs = append(segs, segment{path: path, off: off})
		}
		segs[len(segs)-1].end = off + int64(len(line))
		prev = run
		return nil
	})
	if err == nil && header == nil {
		err = fmt.Errorf("%s: empty file", path)
	}
	return header, segs, err
}

// sortFile rewrites the file at path with its rows in increasing run
// order, whole or not at all; a sorted file is left alone.
func sortFile(path string) error {
	header, segs, err := fileSegments(path)
	if err != nil || len(segs) <= 1 {
		return err
	}
	return fsx.WriteFile(path, func(w io.Writer) error {
		if _, err := w.Write(header); err != nil {
			return err
		}
		return mergeSegments(w, segs)
	})
}

// mergeSegments writes the rows of segs to w in increasing run order;
// rows of equal runs keep the order of segs, then their own.
func mergeSegments(w io.Writer, segs []segment) error {
	files := map[string]*os.File{}
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	var h cursorHeap
	for i, sg := range segs {
		f := files[sg.path]
		if f == nil {
			var err error
			if f, err = os.Open(sg.path); err != nil {
				return err
			}
			files[sg.path] = f
		}
		c := &cursor{order: i, r: bufio.NewReaderSize(io.NewSectionReader(f, sg.off, sg.end-sg.off), 64<<10)}
		if err := c.next(); err != nil {
			return err
		}
		if !c.done {
			h = append(h, c)
		}
	}
	heap.Init(&h)
	for len(h) > 0 {
		c := h[0]
		run := c.run
		for !c.done && c.run == run {
			if _, err := w.Write(c.line); err != nil {
				return err
			}
			if err := c.next(); err != nil {
				return err
			}
		}
		if c.done {
			heap.Pop(&h)
		} else {
			heap.Fix(&h, 0)
		}
	}
	return nil
}

// A cursor is the next row of a segment.
type cursor struct {
	order int
	r     *bufio.Reader
	line  []byte
	run   int
	done  bool
}

func (c *cursor) next() error {
	c.line = c.line[:0]
	for {
		chunk, err := c.r.ReadSlice('\n')
		c.line = append(c.line, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if errors.Is(err, io.EOF) && len(c.line) == 0 {
			c.done = true
			return nil
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		run, ok := rowRun(c.line)
		if !ok {
			return fmt.Errorf("a row without a run index: %.40q", c.line)
		}
		c.run = run
		return nil
	}
}

type cursorHeap []*cursor

func (h cursorHeap) Len() int { return len(h) }
func (h cursorHeap) Less(i, j int) bool {
	if h[i].run != h[j].run {
		return h[i].run < h[j].run
	}
	return h[i].order < h[j].order
}
func (h cursorHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *cursorHeap) Push(x any)   { *h = append(*h, x.(*cursor)) }
func (h *cursorHeap) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	return c
}
