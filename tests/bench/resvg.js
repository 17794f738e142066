// resvg.js IN.svg OUT.png DPI - `make bench`'s resvg row: @resvg/resvg-js
// (fetched into build/resvg by tests/bench/fetch-resvg.sh) draws an SVG
// whose units are points at DPI and writes the PNG. No system fonts: the
// SVGs that bayraq exports hold their text as paths.
'use strict';
const fs = require('fs');
const path = require('path');
const { Resvg } = require(
	path.join(__dirname, '..', '..', 'build', 'resvg', 'node_modules', '@resvg', 'resvg-js'));

const [input, output, dpi] = process.argv.slice(2);
const resvg = new Resvg(fs.readFileSync(input), {
	dpi: Number(dpi),
	font: { loadSystemFonts: false },
	logLevel: 'off',
});
fs.writeFileSync(output, resvg.render().asPng());
