// Package scenarios holds the scenarios shipped with krysha, embedded so
// that the binary runs the default scenario anywhere.
package scenarios

import "embed"

// FS holds the shipped scenario files and their observed data.
//
//go:embed *.toml data/*.csv
var FS embed.FS

// Default is the file name of the default scenario in FS.
const Default = "kazakhstan.toml"
