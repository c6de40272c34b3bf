// Krysha simulates drug and human trafficking through Kazakhstan, and the
// law enforcement that tries to stop it, as an agent-based model: smuggling
// organizations route shipments over a road, rail and mountain network;
// border guards, police, prosecutors and judges detect, take bribes,
// investigate and convict; elites sell protection ("krysha", the roof).
//
// Usage:
//
//	krysha COMMAND [flags] [arguments]
//
// The commands are:
//
//	run       run a scenario's replicates; write CSV files, a manifest and a chart
//	sweep     run a parameter sweep: a design of points, each run for replicates
//	compare   compare policies with the baseline on common random numbers: effects with 95% intervals
//	calibrate fit parameters to the observed figures: ABC rejection, then Nelder-Mead
//	explain   attribute a change between two years to the mechanisms (Shapley values)
//	merge     join the shards of a sweep into one directory, with its charts
//	plot      redraw a sweep's charts, or map the routes of a run or sweep, from the files
//	sensitivity  global sensitivity analysis: Morris screening or Sobol indices
//	discover  scenario discovery on a sweep's runs: where an outcome condition holds (PRIM)
//	validate  check scenario files without running them
//	version   print krysha's version
//	help      show the commands, or the flags and use of one
//
// 'krysha help COMMAND' or 'krysha COMMAND -h' shows a command's flags.
//
// # Run
//
//	krysha run [flags] [SCENARIO.toml]
//
// Run runs the replicates of a scenario: without a file, the embedded
// default (kazakhstan.toml, Kazakhstan and its neighbours 1995-2015, with
// its observed data). A replicate is one stochastic run; replicate r of
// seed S is a pure function of the scenario, S and r, so results are
// byte-identical for any number of workers, and row r of any run with seed
// S is reproduced by 'krysha run -seed S'. The flags are:
//
//	-out DIR         write the results to DIR (default out/NAME, NAME the scenario's name)
//	-replicates N    run N replicates (default the scenario's replicates)
//	-seed S          base the random streams on S (default the scenario's seed)
//	-workers N       run N replicates at a time (default one per CPU)
//	-set path=value  override a scenario value by its dotted TOML path; repeatable
//	-map-window F:L  draw routes.png from the mean flows of the years F to L
//	                 (default the 4 years to the last observed year: 2009:2012)
//	-quiet           print no progress on stderr
//
// Run prints a table to standard output: per year, the mean and the 90%
// interval (5th to 95th percentile, by the definition of R's and NumPy's
// default quantile) across replicates of human-trafficking investigations,
// prosecutions and convictions and of victims identified. It writes to DIR:
//
//	yearly.csv        replicate,seed,year, then every metric, one row a replicate and year
//	monthly.csv       replicate,seed,year,month, then every metric
//	routes.csv        per replicate, year and segment of the network, by product:
//	                  shipments, units, detections, bribes and seizures; per
//	                  stash: stock, raids and the kg seized in them
//	manifest.json     scenario name, file and SHA-256 (of its text and the -set
//	                  overrides), the overrides, seed, replicates, krysha and Go
//	                  versions, workers, start and end time and seconds taken
//	prosecutions.png  investigations, prosecutions and convictions per year,
//	                  mean line and 90% band each, with the observed convictions
//	                  of the US Trafficking in Persons reports
//	routes.png        the network on its longitude and latitude, drugs and people
//	                  side by side: each segment as wide as its mean yearly flow
//	                  over the -map-window years, coloured by the share seized
//
// Flows (shipments, cases, convictions) are summed over the months of a
// year; stocks (backlog, organizations, corrupt shares) are taken at its
// last month. Numbers are written in the shortest form that reads back
// exactly. Each file appears whole or not at all: an interrupted run leaves
// no truncated file behind.
//
// For example, to compare the default with a doubled enforcement budget:
//
//	krysha run -out out/baseline
//	krysha run -replicates 50 -set enforcement.budget_scale=2 -out out/budget2
//
// A scenario's observed data (its observed key, a CSV file relative to the
// scenario file) has the columns series,year,value,unit,quality,source;
// see scenarios/data/README.md.
//
// # Sweep
//
//	krysha sweep [flags] [SCENARIO.toml]
//
// Sweep runs a scenario at every point of an experimental design over the
// parameters given with -vary (repeatable), each point for -replicates
// replicates:
//
//	-vary path=lo:hi:n   n evenly spaced levels (the grid design runs every combination)
//	-vary path=a,b,c     these values
//	-vary path=lo:hi     a range, for -design lhs or sobol with -samples N
//
// Integer parameters take whole values and switches 0 and 1. The design can
// also be written in the scenario's [sweep] table (design, samples,
// replicates, window and a vary list); flags win over it. Replicate r of
// every point uses the random stream (seed, r): common random numbers, and
// every run reproduced alone by the `krysha run` command in its row of
// runs.csv. The output directory (default out/NAME-sweep) receives, as runs
// finish, runs.csv (one row a run: the varied parameters and the mean
// yearly prosecutions, convictions, victims identified, drug seizures and
// corrupt share over the -window years), yearly.csv, routes.csv,
// failures.csv and manifest.json, then one chart per outcome. -dry-run
// prints the runs and an estimate of the time and runs nothing; -shard I/N
// (or a Slurm job array, or a Kubernetes Indexed Job with -shards N) runs
// every N-th run; -resume goes on with a sweep that was stopped, even by
// kill -9. docs/sweeps.md describes the files.
//
// # Compare
//
//	krysha compare [flags] [SCENARIO.toml]
//
// Compare runs the scenario as it is (the baseline) and with each of its
// [[policy]] tables (-policy a,b; all by default; a+b runs two together),
// each for -replicates replicates (30 by default) on common random
// numbers: replicate r of every arm uses the stream (seed, r). For each
// policy and outcome (prosecutions, convictions, victims identified and
// trafficked, drug seizures, corrupt share, organizations alive) it
// prints the mean effect over the -window years (by default from the
// policies' first event to the end), policy minus baseline, with the 95%
// Student's t interval of the paired differences, the relative change and
// the variance reduction factor of the pairing, policies ranked by -rank,
// with their stated yearly cost and the cost per unit of effect. It writes
// the files of a sweep and compare.csv, compare.png and effects.png;
// -shard, -resume and -dry-run work as for sweep. docs/compare.md explains
// how to read the effects.
//
// # Calibrate
//
//	krysha calibrate [flags] [SCENARIO.toml]
//
// Calibrate fits the parameters given with -fit path=lo:hi (uniform
// priors over the ranges) to the scenario's observed figures (or those
// of -observed FILE), each weighted by the quality of its source, and to
// changes known only in words (-direction metric:from:to:down). It runs
// a Latin hypercube or Sobol design of -samples points × -replicates
// replicates on the sweep's runner (progress, workers, shards, -resume,
// -dry-run), keeps the best -keep share as the approximate posterior
// (rejection ABC), refines the best point by Nelder-Mead over the same
// replicates, and writes calibrated.toml (the scenario with the fitted
// values, each commented with its posterior median and 90% interval),
// fit.csv, fit.png, posterior.png, posterior.csv, parameters.csv,
// refine.csv and report.txt. A parameter whose posterior interval covers
// more than 80% of its prior range is reported as not identified. The
// scenario's [calibrate] table can hold the same settings.
// docs/calibration.md describes the method and the files.
//
// # Explain
//
//	krysha explain [flags] [SCENARIO.toml]
//
// Explain attributes the change of -metric from -from to -to (by default
// trafficking prosecutions, 2011 to 2012) to the mechanisms, by Shapley
// values over arms in which the mechanisms outside a coalition are
// switched off from -since: exactly over every subset for at most 10
// players, by sampled orderings beyond. -mechanisms chooses the players
// and -group name=a,b,c makes mechanisms one. The arms run on the sweep's
// runner with common random numbers; it prints the contributions with
// their 90% intervals across replicates and their shares of the change,
// and writes explain.csv, explain.png (a waterfall) and report.txt.
// docs/explain.md describes the method.
//
// # Merge
//
//	krysha merge [flags] DIR...
//
// Merge joins the directories of a sweep's shards into one, checking that
// they are of one sweep and that every run is there once, and draws the
// charts.
//
// # Plot
//
//	krysha plot [flags] DIR
//
// Plot redraws the charts of a sweep's directory from its files. With
// -map Y1,Y2,... it draws instead the route maps of a run's or a sweep's
// directory from its routes.csv, one panel a year side by side (-product
// drugs, people or both; -point N for one point of a sweep), on the
// scenario the manifest names, checked by its SHA-256 (-scenario FILE
// when it has moved). docs/outputs.md describes the maps.
//
// # Sensitivity
//
//	krysha sensitivity [flags] [SCENARIO.toml]
//
// Sensitivity runs a Morris design (-method morris, -trajectories r) or a
// Saltelli design (-method sobol, -samples N) over the parameters given
// with -vary path=lo:hi or in the scenario's [sensitivity] table, on the
// sweep runner (workers, shards, -resume, -dry-run), and writes
// sensitivity.csv (Morris's mu*, sigma and mu with bootstrap intervals and
// the noise floor of mu*; or Sobol's S1 and ST with bootstrap intervals and
// the share of variance that is replicate noise), sensitivity.png and, with
// -by-year, sensitivity_years.png. docs/sensitivity.md tells how to read
// them.
//
// # Discover
//
//	krysha discover [flags] DIR
//
// Discover runs PRIM on the runs.csv of a sweep in DIR to find the box of
// parameter ranges where -outcome NAME is -below or -above a value, and
// writes the peeling trajectory (discover.csv), the chosen box
// (discover_box.csv) and discover.png.
//
// # Validate
//
//	krysha validate [SCENARIO.toml...]
//
// Validate checks each file as run would before running it, and prints
// "FILE: ok" or every problem found. Without a file it checks the embedded
// default.
//
// # Errors and exit status
//
// A scenario, override or data file that cannot be used is reported with
// every problem at once, one a line, as
//
//	FILE:LINE: key: message
//
// (overrides as "-set: key: message"), and nothing is written: no output
// directory is created before all input has been checked. A bad flag is
// reported on one line followed by the command's usage.
//
// The exit status is 0 on success, 1 when a run fails (an output directory
// that cannot be written, a full disk, a run of a sweep that failed, shards
// that do not make a whole sweep), 2 for a bad command line or invalid
// input, and 130 or 143 when interrupted by SIGINT or SIGTERM. A second
// interrupt stops krysha at once.
package main
