package tomlx_test

import (
	"fmt"

	"github.com/krysha/krysha/internal/tomlx"
)

type Params struct {
	Months int     `toml:"months"`
	Budget float64 `toml:"budget"`
	Guards []Guard `toml:"guard"`
}

type Guard struct {
	Name    string  `toml:"name"`
	Honesty float64 `toml:"honesty"`
}

// SetDefaults gives every [[guard]] table its defaults before decoding.
func (g *Guard) SetDefaults() { g.Honesty = 0.5 }

// Decoding reports every problem of a file at once, each with its line.
func ExampleDoc_Decode() {
	text := `months = 2.5
budjet = 3

[[guard]]
name = "a"

[[guard]]
name = "b"
honesty = "high"
`
	p := Params{Months: 12, Budget: 1} // defaults
	doc, err := tomlx.ParseFile("scenario.toml", []byte(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Decode(&p))
	fmt.Println(p.Months, p.Budget, p.Guards[0], doc.Has("budget"))
	// Output:
	// scenario.toml:1: months: expected an integer, found 2.5
	// scenario.toml:2: budjet: unknown key (did you mean "budget"?)
	// scenario.toml:9: guard[1].honesty: expected a number, found string "high"
	// 12 1 {a 0.5} false
}

// SetString applies a command-line override with the rules of Decode.
func ExampleSetString() {
	p := Params{Guards: []Guard{{Name: "a"}, {Name: "b"}}}
	fmt.Println(tomlx.SetString(&p, "guard[1].honesty", "0.9"), p.Guards[1].Honesty)
	fmt.Println(tomlx.SetString(&p, "guard[1].honsety", "0.9"))
	fmt.Println(tomlx.SetString(&p, "months", "2.5"))
	fmt.Println(tomlx.Leaves(&p))
	// Output:
	// <nil> 0.9
	// guard[1].honsety: unknown key (did you mean "honesty"?)
	// months: expected an integer, found 2.5
	// [months budget guard[0].name guard[0].honesty guard[1].name guard[1].honesty]
}
