# bayraq.bash - bash completion for bayraq. It asks the program itself for
# its commands, options, languages, sizes and countries, so it never goes
# out of date.
_bayraq()
{
	local cur prev cmd words
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	if [ "$COMP_CWORD" -eq 1 ]; then
		words=$(bayraq --help 2>/dev/null | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p')
		COMPREPLY=($(compgen -W "$words help --help --version" -- "$cur"))
		return
	fi
	cmd=${COMP_WORDS[1]}
	case $prev in
	--lang | -l)
		words=$(bayraq list languages 2>/dev/null | awk '{ print $1 }') ;;
	--size | -s | --sheet)
		words=$(bayraq list sizes 2>/dev/null | awk '$1 != "WxH" { print $1 }') ;;
	--country | -C)
		words=$(bayraq list countries 2>/dev/null | awk '{ print $1 }') ;;
	--design | -d)
		words=$(bayraq list designs 2>/dev/null | sed 's/:.*//') ;;
	--orientation | -r)
		words="portrait landscape" ;;
	--format | -f)
		words="pdf png svg tiff pdf,png" ;;
	--output | -o | --contact-sheet)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	list)
		words="designs languages sizes countries" ;;
	help)
		words=$(bayraq --help 2>/dev/null | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p') ;;
	*)
		words=$(bayraq "$cmd" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u)
		case $cmd in
		batch | preflight) COMPREPLY=($(compgen -f -- "$cur")) ;;
		esac ;;
	esac
	COMPREPLY+=($(compgen -W "$words" -- "$cur"))
}
complete -F _bayraq bayraq
