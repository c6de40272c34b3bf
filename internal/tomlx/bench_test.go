package tomlx

import (
	"fmt"
	"strings"
	"testing"
)

// bigScenario is goodScenario with n more organizations and n more nodes,
// the shape that grows in large network scenarios.
func bigScenario(n int) []byte {
	var b strings.Builder
	b.WriteString("nodes = [\n")
	for i := range n {
		fmt.Fprintf(&b, "  { id = \"n%d\", lon = %d.5, lat = 40.25 },\n", i, i%180)
	}
	b.WriteString("]\n")
	b.WriteString(strings.SplitN(goodScenario, "nodes = [", 2)[0])
	for i := range n {
		fmt.Fprintf(&b, "\n[[organization]]\nid = \"org-%d\"\nbudget = %d.0\nsize = %d\n", i, 100+i, i%50)
	}
	return []byte(b.String())
}

func BenchmarkParseDecode(b *testing.B) {
	for _, n := range []int{10, 1000, 10000} {
		text := bigScenario(n)
		b.Run(fmt.Sprintf("keys=%d", 6*n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				doc, err := Parse(text)
				if err != nil {
					b.Fatal(err)
				}
				s := defaultScenario()
				if err := doc.Decode(&s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
