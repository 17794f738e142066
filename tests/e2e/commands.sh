# commands.sh - the command table: every command's help, options that belong
# to another command, suggestions, and output written to a full disk.

# The commands as `bayraq --help` lists them: the table, not a list here.
commands() {
	bayraq --help | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p'
}

test_every_command_has_help() {
	n=0
	for c in $(commands); do
		bayraq "$c" --help >a.txt
		bayraq help "$c" >b.txt
		head -n 1 a.txt | grep -q "^usage: bayraq $c " || die "$c --help: $(head -n 1 a.txt)"
		cmp a.txt b.txt || die "'bayraq help $c' differs from '$c --help'"
		grep -q -- '--help' a.txt
		n=$((n + 1))
	done
	[ "$n" -ge 6 ] || die "only $n commands: $(commands)"
	# The missing-command line names them all, from the same table.
	expect_exit 2 bayraq
	for c in $(commands); do
		grep -q "$c" stderr || die "the missing-command line lacks $c: $(cat stderr)"
	done
	one_error "missing command"
}

# An option of another command is an error naming that command.
test_options_of_other_commands() {
	expect_exit 2 bayraq render --city Oslo --country NO --sheet A3 -o out/
	one_error "'--sheet' is an option of 'bayraq tile', not of 'bayraq render'"
	expect_exit 2 bayraq render --city Oslo --country NO --overlap 5mm -o out/
	one_error "'--overlap' is an option of 'bayraq tile'"
	expect_exit 2 bayraq tile --city Oslo --country NO --print -o out/
	one_error "'--print' is an option of 'bayraq render', not of 'bayraq tile'"
	expect_exit 2 bayraq tile --city Oslo --country NO --marks -o out/
	one_error "'--marks' is an option of 'bayraq render'"
	expect_exit 2 bayraq layout --city Oslo --country NO -o out/
	one_error "'--output' is an option of 'bayraq render' or 'bayraq tile'"
	expect_exit 2 bayraq render --city Oslo --country NO --contact-sheet x.pdf
	one_error "'--contact-sheet' is an option of 'bayraq batch'"
	[ ! -e out ]
}

test_suggestions() {
	expect_exit 2 bayraq render --lnag de --city Oslo --country NO
	one_error "unknown option '--lnag' (did you mean '--lang'?); see 'bayraq render --help'"
	expect_exit 2 bayraq rendr
	one_error "unknown command 'rendr' (did you mean 'render'?)"
	expect_exit 2 bayraq list sizs
	one_error "unknown list 'sizs' (did you mean 'sizes'?"
	expect_exit 2 bayraq render -q
	one_error "unknown option '-q'"
	expect_exit 2 bayraq render --city
	one_error "option '--city' needs a value"
}

# Numbers are whole and in range, or a usage error.
test_bad_numbers() {
	expect_exit 2 bayraq render --city Oslo --country NO --band-rows -1 -f png -o out/
	one_error "--band-rows takes a whole number from 1 to"
	expect_exit 2 bayraq render --city Oslo --country NO -j 2x -o out/
	one_error "-j takes a whole number from 1 to 64, not '2x'"
	printf 'design,lang,city,country,size,format\n' >c.csv
	expect_exit 2 bayraq batch -j 2x c.csv -o out/
	one_error "-j takes a whole number from 1 to 64, not '2x'"
	expect_exit 2 bayraq render --city Oslo --country NO --dpi 300x -o out/
	one_error "--dpi must be a number from 10 to 2400, not '300x'"
	[ ! -e out ]
}

# A full disk or a closed pipe on stdout is an error, not exit 0.
test_stdout_full() {
	for c in "list sizes" "list countries" "list designs" "--help" "render --help" "--version"; do
		set +e
		bayraq $c >/dev/full 2>stderr
		got=$?
		set -e
		[ "$got" = 1 ] || die "bayraq $c >/dev/full: exit $got"
		one_error "cannot write the output: No space left on device"
	done
}
